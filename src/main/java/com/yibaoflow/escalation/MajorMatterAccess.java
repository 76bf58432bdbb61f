package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.StaffMember;
import com.yibaoflow.identity.StaffMembers;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.RegionDirectory;
import com.yibaoflow.region.RegionLevel;
import com.yibaoflow.shared.problem.DomainException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * R-MM-02: each level's task is for that level's department and region only. The county level is the drafting
 * region, the city and the province the drafting region's city and province. Checked when the API acts on a task,
 * and again by the engine listeners when anyone (Tasklist too) claims or completes one.
 */
@Component
class MajorMatterAccess {

    /** The level that holds each task of the process; the facts of a request change only on these. */
    static final Map<String, MajorMatterLevel> LEVEL_OF_TASK = Map.of(
            TASK_COUNTY, MajorMatterLevel.COUNTY,
            TASK_CITY, MajorMatterLevel.CITY,
            TASK_PROVINCE, MajorMatterLevel.PROVINCE,
            TASK_FINANCE, MajorMatterLevel.PROVINCE,
            TASK_JOINT, MajorMatterLevel.PROVINCE,
            TASK_FILE_NHSA, MajorMatterLevel.PROVINCE,
            TASK_FILE_MOF, MajorMatterLevel.PROVINCE,
            TASK_FILE_STA, MajorMatterLevel.PROVINCE,
            TASK_REVISE, MajorMatterLevel.DRAFTER);

    /** The departments that draft requests and attach their files: the region's medical security bureau. */
    private static final Set<String> DRAFTERS =
            Set.of(Department.MEDICAL_SECURITY.groupId(), Department.MEDICAL_SECURITY_SUPERVISORS.groupId());

    private final RegionDirectory regions;
    private final StaffMembers staff;
    private final IdentityService identity;

    MajorMatterAccess(RegionDirectory regions, StaffMembers staff, IdentityService identity) {
        this.regions = regions;
        this.staff = staff;
        this.identity = identity;
    }

    /** The level of a task: by its key, or for a task this module does not know, by its candidate groups. */
    static MajorMatterLevel levelOf(String taskKey, Collection<String> candidateGroups) {
        MajorMatterLevel known = LEVEL_OF_TASK.get(taskKey);
        if (known != null) {
            return known;
        }
        if (candidateGroups.contains(Department.CITY_MEDICAL_SECURITY.groupId())) {
            return MajorMatterLevel.CITY;
        }
        if (candidateGroups.contains(Department.PROVINCIAL_MEDICAL_SECURITY.groupId())
                || candidateGroups.contains(Department.PROVINCIAL_FINANCE.groupId())) {
            return MajorMatterLevel.PROVINCE;
        }
        return MajorMatterLevel.COUNTY;
    }

    /** Whether the user works for a medical security bureau, whose staff draft requests and attach their files. */
    static boolean isDrafter(StaffPrincipal user) {
        return DRAFTERS.stream().anyMatch(user::isMemberOf);
    }

    /** The region whose staff act at a level on a request of the drafting region. */
    String regionOf(MajorMatterLevel level, String draftingRegion) {
        return switch (level) {
            case DRAFTER, COUNTY -> draftingRegion;
            case CITY -> ancestor(draftingRegion, RegionLevel.CITY);
            case PROVINCE -> ancestor(draftingRegion, RegionLevel.PROVINCE);
        };
    }

    /** A user known by id only (Tasklist, an assignment): their groups and region are looked up. */
    void requireMayAct(String userId, String taskKey, String taskName, Set<String> candidateGroups, String region) {
        StaffPrincipal user = principalOf(userId);
        requireMayAct(userId, user.groupIds(), user.regionCode(), taskKey, taskName, candidateGroups, region);
    }

    /** A user known by id only, as the API would see them: their groups and region looked up. */
    StaffPrincipal principalOf(String userId) {
        // inside the engine (a Tasklist user assigning a task to someone else) the query would see only the groups
        // the logged-in user may read: the assignee's groups are looked up without that check
        Callable<Set<String>> lookup = () -> identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toSet());
        CommandContext command = Context.getCommandContext();
        Set<String> groups;
        try {
            groups = command == null ? lookup.call() : command.runWithoutAuthorization(lookup);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the groups of " + userId, e);
        }
        String userRegion = staff.findById(userId).map(StaffMember::regionCode).orElse(null);
        return new StaffPrincipal(userId, userRegion, Set.copyOf(groups));
    }

    void requireMayAct(
            String userId,
            Set<String> userGroups,
            String userRegion,
            String taskKey,
            String taskName,
            Set<String> candidateGroups,
            String draftingRegion) {
        if (userGroups.contains(Department.CAMUNDA_ADMIN.groupId())) {
            return;
        }
        if (candidateGroups.stream().noneMatch(userGroups::contains)) {
            // read in Tasklist when a claim is refused (issue #21 §3): Chinese, with the group ids for the API reader
            throw DomainException.forbidden("「" + taskName + "」由" + groupNames(candidateGroups) + "办理，用户 " + userId
                    + " 不在此审核层级（R-MM-02；" + taskKey + "）");
        }
        String levelRegion = regionOf(levelOf(taskKey, candidateGroups), draftingRegion);
        if (!levelRegion.equals(userRegion)) {
            throw DomainException.forbidden("「" + taskName + "」由" + regionName(levelRegion) + "（" + levelRegion
                    + "）办理，用户 " + userId + " 属于"
                    + (userRegion == null ? "未登记地区" : regionName(userRegion) + "（" + userRegion + "）") + "（R-MM-02；"
                    + taskKey + "）");
        }
    }

    /** The groups as a caseworker reads them: 县医疗保障局（审核主管）（medical-security-supervisors）、… */
    private static String groupNames(Set<String> groups) {
        return groups.stream()
                .sorted()
                .map(g -> Department.byGroupId(g).map(Department::chineseName).orElse(g) + "（" + g + "）")
                .collect(Collectors.joining("、"));
    }

    /** The region's name as a caseworker reads it (东至县), its code when the region is unknown. */
    String regionName(String regionCode) {
        return regions.all().stream()
                .filter(r -> r.code().equals(regionCode))
                .map(Region::name)
                .findFirst()
                .orElse(regionCode);
    }

    private String ancestor(String regionCode, RegionLevel level) {
        Map<String, Region> byCode = regions.all().stream().collect(Collectors.toMap(Region::code, r -> r));
        Region r = byCode.get(regionCode);
        while (r != null && r.level() != level) {
            r = r.parentCode() == null ? null : byCode.get(r.parentCode());
        }
        if (r == null) {
            throw new IllegalStateException("Region " + regionCode + " has no " + level + " above it");
        }
        return r.code();
    }
}
