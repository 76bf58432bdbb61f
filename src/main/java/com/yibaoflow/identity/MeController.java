package com.yibaoflow.identity;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who am I: the logged-in user, their region and departments (what the API will let them do). */
@RestController
@RequestMapping("/api/me")
class MeController {

    record Me(String userId, String regionCode, List<DepartmentView> departments) {}

    record DepartmentView(String groupId, String name) {}

    @GetMapping
    Me me(@AuthenticationPrincipal StaffPrincipal principal) {
        List<DepartmentView> departments = principal.groupIds().stream()
                .sorted()
                .map(id -> new DepartmentView(
                        id,
                        Department.byGroupId(id).map(Department::chineseName).orElse(id)))
                .toList();
        return new Me(principal.userId(), principal.regionCode(), departments);
    }
}
