package com.yibaoflow.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
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
    public static final String FILTER_MY_TASKS = "我的任务";
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
    private final FilterService filterService;
    private final TaskService taskService;
    private final StaffMembers staffMembers;
    private final String adminUserId;
    private final String adminPassword;

    IdentityBootstrap(
            IdentityService identityService,
            AuthorizationService authorizationService,
            FilterService filterService,
            TaskService taskService,
            StaffMembers staffMembers,
            @Value("${yibaoflow.admin.user-id:admin}") String adminUserId,
            @Value("${yibaoflow.admin.password:}") String adminPassword) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
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
        ensureFilters();
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
        grant(group, Resources.FILTER, "*", Permissions.READ);
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

    private void ensureFilters() {
        ensureFilter(
                FILTER_DEPARTMENT_TASKS,
                -10,
                "本部门的候选任务",
                taskService
                        .createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        ensureFilter(
                FILTER_MY_TASKS,
                -5,
                "分配给我的任务",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private void ensureFilter(String name, int priority, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService
                .newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filterService.saveFilter(filter);
    }
}
