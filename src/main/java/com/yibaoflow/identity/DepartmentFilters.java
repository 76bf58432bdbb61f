package com.yibaoflow.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters of each department (issue #21 §3): 本部门待办, 已逾期, 我的任务 and 全部任务, readable by
 * that department's group only (a READ authorization on each filter; no group may read every filter), each showing
 * the resident's name, township and the task's time limit, soonest due first. Created at every start when missing;
 * a filter is recognised by its name and its {@value #DEPARTMENT} property, so a start never adds a second one.
 */
@Component
class DepartmentFilters {

    /** The filter property naming the department group a filter belongs to. */
    static final String DEPARTMENT = "department";

    /** Departments without a work queue of their own: administrators see everything, auditors only read. */
    static final Set<Department> WITHOUT_FILTERS = EnumSet.of(Department.CAMUNDA_ADMIN, Department.AUDITORS);

    /**
     * Variable columns of every filter: task-local copies that {@link TaskListColumns} writes when a task is created,
     * because a department may read its tasks but not their process instances.
     */
    static final List<Map<String, String>> VARIABLES = List.of(
            Map.of("name", TaskListColumns.RESIDENT, "label", "居民姓名"),
            Map.of("name", TaskListColumns.TOWNSHIP, "label", "乡镇"),
            Map.of("name", TaskListColumns.DUE, "label", "办理期限"));

    /** One shared filter: its name, place in the list, tooltip, colour and query for a department group. */
    record Definition(String name, int priority, String description, String color, Function<String, TaskQuery> query) {}

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final List<Definition> definitions;

    DepartmentFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.definitions = List.of(
                new Definition(
                        IdentityBootstrap.FILTER_DEPARTMENT_TASKS,
                        -20,
                        "本部门尚未认领的任务，期限最近的在前",
                        "#2f6fb5",
                        group -> tasks().taskCandidateGroup(group)),
                new Definition(
                        IdentityBootstrap.FILTER_OVERDUE,
                        -15,
                        "本部门已超过办理期限的任务（含已认领）",
                        "#c0392b",
                        group -> tasks().taskCandidateGroup(group)
                                .includeAssignedTasks()
                                .dueBeforeExpression("${now()}")),
                new Definition(
                        IdentityBootstrap.FILTER_MY_TASKS,
                        -10,
                        "已分配给我的任务",
                        "#27ae60",
                        group -> tasks().taskAssigneeExpression("${currentUser()}")),
                new Definition(
                        IdentityBootstrap.FILTER_ALL_TASKS,
                        -5,
                        "本部门的全部任务（含已认领）",
                        "#7f8c8d",
                        group -> tasks().taskCandidateGroup(group).includeAssignedTasks()));
    }

    private TaskQuery tasks() {
        return taskService.createTaskQuery().orderByDueDate().asc();
    }

    List<Definition> definitions() {
        return definitions;
    }

    /** Creates the department filters that are missing and makes sure each department's group may read its own. */
    void ensure() {
        Map<String, List<Filter>> existing = new LinkedHashMap<>();
        for (Definition definition : definitions) {
            existing.put(
                    definition.name(),
                    filterService
                            .createFilterQuery()
                            .filterName(definition.name())
                            .list());
        }
        removeFiltersOfEveryone(existing);
        for (Department department : Department.values()) {
            if (WITHOUT_FILTERS.contains(department)) {
                continue;
            }
            String group = department.groupId();
            for (Definition definition : definitions) {
                Filter filter = existing.get(definition.name()).stream()
                        .filter(f -> group.equals(departmentOf(f)))
                        .findFirst()
                        .orElseGet(() -> create(definition, department));
                updateColumns(filter);
                grantRead(group, filter.getId());
            }
        }
    }

    /** Before issue #21 本部门待办 and 我的任务 were one filter for every department (every group read all filters). */
    private void removeFiltersOfEveryone(Map<String, List<Filter>> existing) {
        existing.values()
                .forEach(filters -> filters.removeIf(f -> {
                    if (departmentOf(f) == null) {
                        filterService.deleteFilter(f.getId());
                        return true;
                    }
                    return false;
                }));
    }

    private Filter create(Definition definition, Department department) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", definition.priority());
        properties.put("description", department.chineseName() + "：" + definition.description());
        properties.put("color", definition.color());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", VARIABLES);
        properties.put(DEPARTMENT, department.groupId());
        Filter filter = filterService
                .newTaskFilter(definition.name())
                .setQuery(definition.query().apply(department.groupId()))
                .setProperties(properties);
        return filterService.saveFilter(filter);
    }

    /** A filter created before the columns became task variables gets the current ones. */
    private void updateColumns(Filter filter) {
        Map<String, Object> properties = filter.getProperties();
        if (properties != null && !VARIABLES.equals(properties.get("variables"))) {
            Map<String, Object> updated = new LinkedHashMap<>(properties);
            updated.put("variables", VARIABLES);
            filterService.saveFilter(filter.setProperties(updated));
        }
    }

    static String departmentOf(Filter filter) {
        Map<String, Object> properties = filter.getProperties();
        Object department = properties == null ? null : properties.get(DEPARTMENT);
        return department instanceof String s ? s : null;
    }

    private void grantRead(String groupId, String filterId) {
        boolean granted = authorizationService
                        .createAuthorizationQuery()
                        .authorizationType(Authorization.AUTH_TYPE_GRANT)
                        .groupIdIn(groupId)
                        .resourceType(Resources.FILTER)
                        .resourceId(filterId)
                        .hasPermission(Permissions.READ)
                        .count()
                > 0;
        if (!granted) {
            Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(authorization);
        }
    }
}
