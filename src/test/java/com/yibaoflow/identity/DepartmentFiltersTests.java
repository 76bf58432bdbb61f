package com.yibaoflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestUsers;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue #21 §3: every department has its four shared Tasklist filters, created once, readable by it alone. */
@IntegrationTest
class DepartmentFiltersTests {

    private static final List<String> NAMES = List.of(
            IdentityBootstrap.FILTER_DEPARTMENT_TASKS,
            IdentityBootstrap.FILTER_OVERDUE,
            IdentityBootstrap.FILTER_MY_TASKS,
            IdentityBootstrap.FILTER_ALL_TASKS);

    @Autowired
    IdentityBootstrap bootstrap;

    @Autowired
    FilterService filterService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void everyDepartmentWithAWorkQueueHasItsFourFiltersWithTheResidentColumns() {
        Arrays.stream(Department.values())
                .filter(d -> !DepartmentFilters.WITHOUT_FILTERS.contains(d))
                .forEach(d -> {
                    List<Filter> own = filtersOf(d);
                    assertThat(own).extracting(Filter::getName).containsExactlyInAnyOrderElementsOf(NAMES);
                    own.forEach(f -> {
                        assertThat(f.getProperties())
                                .containsEntry("variables", DepartmentFilters.VARIABLES)
                                .containsEntry("showUndefinedVariable", false);
                        assertThat(String.valueOf(f.getProperties().get("description")))
                                .startsWith(d.chineseName());
                    });
                });
        assertThat(filtersOf(Department.AUDITORS)).isEmpty();
        // the filters of everyone that came before issue #21 are gone
        assertThat(filterService.createFilterQuery().list()).allMatch(f -> DepartmentFilters.departmentOf(f) != null);
    }

    @Test
    void aDepartmentReadsTheResidentColumnsOfItsTasksThoughNotTheirProcessVariables() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("test-task-columns")
                .camundaHistoryTimeToLive(1)
                .name("列测试")
                .startEvent("StartEvent_Test")
                .name("开始")
                .userTask("Task_Test")
                .name("测试任务")
                .camundaCandidateGroups(Department.CIVIL_AFFAIRS.groupId())
                .camundaDueDate("${due}")
                .endEvent("EndEvent_Test")
                .name("结束")
                .done();
        String deployment = repositoryService
                .createDeployment()
                .addModelInstance("test-task-columns.bpmn", model)
                .deploy()
                .getId();
        try {
            Date due = Date.from(java.time.Instant.parse("2025-03-10T01:00:00Z"));
            String pi = runtimeService
                    .startProcessInstanceByKey(
                            "test-task-columns", Map.of("personName", "张三", "township", "尧渡镇", "due", due))
                    .getId();
            Task task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
            // what Tasklist's filter list asks for: the columns' names in the task's, execution's and instance's scope
            Map<String, Object> visible = as(
                    Department.CIVIL_AFFAIRS,
                    () -> runtimeService
                            .createVariableInstanceQuery()
                            .variableNameIn(
                                    TaskListColumns.RESIDENT,
                                    TaskListColumns.TOWNSHIP,
                                    TaskListColumns.DUE,
                                    "personName")
                            .variableScopeIdIn(task.getId(), task.getExecutionId(), pi)
                            .list()
                            .stream()
                            .collect(Collectors.toMap(VariableInstance::getName, VariableInstance::getValue)));
            assertThat(visible)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            TaskListColumns.RESIDENT, "张三",
                            TaskListColumns.TOWNSHIP, "尧渡镇",
                            TaskListColumns.DUE, "2025-03-10"));
            assertThat(as(
                            Department.AGRICULTURE_RURAL,
                            () -> runtimeService
                                    .createVariableInstanceQuery()
                                    .variableScopeIdIn(task.getId())
                                    .count()))
                    .as("another department reads nothing of the task")
                    .isZero();
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aFilterFromBeforeTheTaskColumnsGetsThemAtTheNextStart() {
        Filter filter = filterOf(Department.CIVIL_AFFAIRS, IdentityBootstrap.FILTER_DEPARTMENT_TASKS);
        Map<String, Object> old = new java.util.LinkedHashMap<>(filter.getProperties());
        old.put("variables", List.of(Map.of("name", "name", "label", "居民姓名")));
        filterService.saveFilter(filter.setProperties(old));

        bootstrap.run(null);

        assertThat(filterService.getFilter(filter.getId()).getProperties().get("variables"))
                .isEqualTo(DepartmentFilters.VARIABLES);
    }

    @Test
    void aSecondStartAddsNoFilterAndNoAuthorization() {
        long filters = filterService.createFilterQuery().count();
        long authorizations = authorizationService
                .createAuthorizationQuery()
                .resourceType(Resources.FILTER)
                .count();

        bootstrap.run(null);

        assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .resourceType(Resources.FILTER)
                        .count())
                .isEqualTo(authorizations);
    }

    @Test
    void aDepartmentSeesOnlyItsOwnFilters() {
        List<Filter> seenByCivilAffairs = as(
                Department.CIVIL_AFFAIRS,
                () -> filterService.createFilterQuery().list());
        assertThat(seenByCivilAffairs)
                .hasSize(4)
                .allMatch(f -> "civil-affairs".equals(DepartmentFilters.departmentOf(f)));
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .resourceType(Resources.FILTER)
                        .resourceId("*")
                        .count())
                .as("no group reads every filter")
                .isZero();
        Filter civilAffairs = filterOf(Department.CIVIL_AFFAIRS, IdentityBootstrap.FILTER_DEPARTMENT_TASKS);
        assertThat(as(
                        Department.MEDICAL_SECURITY,
                        () -> filterService
                                .createFilterQuery()
                                .filterId(civilAffairs.getId())
                                .count()))
                .isZero();
        assertThat(authorizationService.isUserAuthorized(
                        TestUsers.userOf(Department.TAX),
                        List.of(Department.TAX.groupId()),
                        Permissions.READ,
                        Resources.FILTER,
                        civilAffairs.getId()))
                .isFalse();
    }

    @Test
    void theFiltersListTheDepartmentsTasksAndWhatIsOverdue() {
        Task overdue = candidateTask(
                Department.CIVIL_AFFAIRS, new Date(ClockUtil.getCurrentTime().getTime() - 86_400_000L));
        Task notYetDue = candidateTask(
                Department.CIVIL_AFFAIRS, new Date(ClockUtil.getCurrentTime().getTime() + 86_400_000L));
        Task otherDepartment = candidateTask(
                Department.AGRICULTURE_RURAL,
                new Date(ClockUtil.getCurrentTime().getTime() - 86_400_000L));
        try {
            assertThat(idsIn(Department.CIVIL_AFFAIRS, IdentityBootstrap.FILTER_DEPARTMENT_TASKS))
                    .contains(overdue.getId(), notYetDue.getId())
                    .doesNotContain(otherDepartment.getId());
            assertThat(idsIn(Department.CIVIL_AFFAIRS, IdentityBootstrap.FILTER_OVERDUE))
                    .contains(overdue.getId())
                    .doesNotContain(notYetDue.getId(), otherDepartment.getId());

            taskService.setAssignee(notYetDue.getId(), TestUsers.userOf(Department.CIVIL_AFFAIRS));
            assertThat(idsIn(Department.CIVIL_AFFAIRS, IdentityBootstrap.FILTER_DEPARTMENT_TASKS))
                    .as("claimed: no longer waiting for someone to take it")
                    .doesNotContain(notYetDue.getId());
            assertThat(idsIn(Department.CIVIL_AFFAIRS, IdentityBootstrap.FILTER_MY_TASKS))
                    .containsExactly(notYetDue.getId());
            assertThat(idsIn(Department.CIVIL_AFFAIRS, IdentityBootstrap.FILTER_ALL_TASKS))
                    .contains(overdue.getId(), notYetDue.getId())
                    .doesNotContain(otherDepartment.getId());
        } finally {
            for (Task t : List.of(overdue, notYetDue, otherDepartment)) {
                taskService.deleteTask(t.getId(), true);
            }
        }
    }

    private Task candidateTask(Department department, Date due) {
        Task task = taskService.newTask();
        task.setName("测试任务");
        task.setDueDate(due);
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), department.groupId());
        return task;
    }

    private Set<String> idsIn(Department department, String filterName) {
        String filterId = filterOf(department, filterName).getId();
        return as(
                department,
                () -> filterService.<Task>list(filterId).stream()
                        .map(Task::getId)
                        .collect(Collectors.toSet()));
    }

    private <T> T as(Department department, Supplier<T> action) {
        identityService.setAuthentication(TestUsers.userOf(department), List.of(department.groupId()));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<Filter> filtersOf(Department department) {
        return filterService.createFilterQuery().list().stream()
                .filter(f -> department.groupId().equals(DepartmentFilters.departmentOf(f)))
                .toList();
    }

    private Filter filterOf(Department department, String name) {
        return filtersOf(department).stream()
                .filter(f -> f.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
