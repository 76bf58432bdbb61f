package com.yibaoflow.dashboard;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisor dashboard (issue #21 §4): the page at {@code /dashboard} (plain HTML and ECharts, no front-end
 * build) and the one JSON it draws from. Both need a login (HTTP Basic, as the rest of our API) and a supervisor's,
 * auditor's or administrator's group ({@link DashboardAccess}).
 */
@RestController
@Tag(name = "Dashboard", description = "督导看板: campaign progress, subsidies, backlog, major matters, warnings")
class DashboardController {

    private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");

    private final DashboardService dashboards;
    private final RegionScope regions;

    DashboardController(DashboardService dashboards, RegionScope regions) {
        this.dashboards = dashboards;
        this.regions = regions;
    }

    @GetMapping("/api/dashboard")
    @PreAuthorize("@dashboardAccess.allowed(authentication)")
    @Operation(
            summary = "The dashboard's numbers for a region and coverage year: progress per township, subsidies per "
                    + "hardship category, open and overdue tasks per department, major matters by step and age, "
                    + "the latest scan's warnings, applications per week")
    Dashboard dashboard(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String coverageYear,
            @AuthenticationPrincipal StaffPrincipal principal) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            errors.add(new DomainException.FieldError("regionCode", "is required: a six-digit region code"));
        }
        Integer year = null;
        if (coverageYear == null || !coverageYear.matches("\\d{4}")) {
            errors.add(new DomainException.FieldError("coverageYear", "is required: a four-digit year"));
        } else {
            year = Integer.valueOf(coverageYear);
            if (year < 2000 || year > 2100) {
                errors.add(new DomainException.FieldError("coverageYear", "must be between 2000 and 2100"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
        regions.requireVisible(principal, regionCode, "Region " + regionCode);
        return dashboards.dashboard(regionCode, year);
    }

    @GetMapping("/dashboard")
    @PreAuthorize("@dashboardAccess.allowed(authentication)")
    @Operation(summary = "The dashboard page (HTML)")
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(PAGE);
    }
}
