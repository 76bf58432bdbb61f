package com.yibaoflow.identity;

import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure, at every start and idempotently, that each department exists as a Camunda group with the
 * authorizations it needs (authorization checks are on), that Tasklist has its filters, and that there is an
 * administrator. Without the demo profile the administrator's password must come from the environment.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentityBootstrap implements ApplicationRunner {

    public static final String FILTER_DEPARTMENT_TASKS = "本部门待办";
    public static final String FILTER_OVERDUE = "已逾期";
    public static final String FILTER_MY_TASKS = "我的任务";
    public static final String FILTER_ALL_TASKS = "全部任务";
    /** The region of the administrator and of county staff when none is given. */
    public static final String HOME_REGION = "341721";

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** Groups that read every case and its history: supervisors and auditors (Cockpit). */
    private static final Set<Department> CASE_READERS =
            EnumSet.of(Department.MEDICAL_SECURITY_SUPERVISORS, Department.AUDITORS);
    /** Groups that start cases from Tasklist. */
    private static final Set<Department> CASE_STARTERS =
            EnumSet.of(Department.MEDICAL_SECURITY, Department.MEDICAL_SECURITY_SUPERVISORS);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final DepartmentFilters departmentFilters;
    private final StaffMembers staffMembers;
    private final String adminUserId;
    private final String adminPassword;

    IdentityBootstrap(
            IdentityService identityService,
            AuthorizationService authorizationService,
            DepartmentFilters departmentFilters,
            StaffMembers staffMembers,
            @Value("${yibaoflow.admin.user-id:admin}") String adminUserId,
            @Value("${yibaoflow.admin.password:}") String adminPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.departmentFilters = departmentFilters;
        this.staffMembers = staffMembers;
        this.adminUserId = adminUserId;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (Department department : Department.values()) {
            ensureGroup(department);
            grantDefaults(department);
        }
        departmentFilters.ensure();
        ensureAdministrator();
    }

    /** Creates a user in a department and region unless it exists (used by the demo profile and tests). */
    @Transactional
    public void ensureUser(
            String userId,
            String password,
            String firstName,
            String lastName,
            Department department,
            String regionCode) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            user.setEmail(userId + "@yibaoflow.invalid");
            identityService.saveUser(user);
        }
        if (identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(department.groupId())
                        .count()
                == 0) {
            identityService.createMembership(userId, department.groupId());
        }
        if (!staffMembers.existsById(userId)) {
            staffMembers.save(new StaffMember(userId, regionCode));
        }
    }

    private void ensureAdministrator() {
        if (identityService.createUserQuery().userId(adminUserId).count() > 0) {
            ensureUser(adminUserId, adminPassword, "系统", "管理员", Department.CAMUNDA_ADMIN, HOME_REGION);
            return;
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalStateException("No administrator exists and YIBAOFLOW_ADMIN_PASSWORD is not set. "
                    + "Set YIBAOFLOW_ADMIN_PASSWORD (and optionally YIBAOFLOW_ADMIN_USER, default 'admin') to create "
                    + "the administrator, or run with the demo profile (demo/demo).");
        }
        ensureUser(adminUserId, adminPassword, "系统", "管理员", Department.CAMUNDA_ADMIN, HOME_REGION);
        log.info("Created administrator '{}'", adminUserId);
    }

    private void ensureGroup(Department department) {
        if (identityService.createGroupQuery().groupId(department.groupId()).count() == 0) {
            Group group = identityService.newGroup(department.groupId());
            group.setName(department.chineseName());
            group.setType(department == Department.CAMUNDA_ADMIN ? "SYSTEM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private void grantDefaults(Department department) {
        if (department == Department.CAMUNDA_ADMIN) {
            return; // members of camunda-admin pass every authorization check
        }
        String group = department.groupId();
        // Tasklist: every department works its candidate tasks there; it reads the filters and the models.
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Filters: each department reads its own (DepartmentFilters), not every filter (as before issue #21)
        revokeGrant(group, Resources.FILTER, "*");
        grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        if (CASE_STARTERS.contains(department)) {
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        if (CASE_READERS.contains(department)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(group, Resources.TASK, "*", Permissions.READ);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService
                .createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        Authorization authorization = existing != null
                ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        } else if (existing.isPermissionGranted(permission)) {
            return;
        }
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    /** Removes a grant this bootstrap made in an earlier version (it granted nothing else on that resource id). */
    private void revokeGrant(String groupId, Resource resource, String resourceId) {
        Authorization existing = authorizationService
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (existing != null) {
            authorizationService.deleteAuthorization(existing.getId());
        }
    }
}
