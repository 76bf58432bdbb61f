package com.yibaoflow.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Issue #21 §3: every user task of every process in {@code processes/} is one a caseworker can work from the task
 * list: a Chinese name that says what to do and for whom (an expression naming the resident, township, region or
 * the request's document number and title), a due date, candidate groups and a Camunda Form of {@code forms/}.
 */
class TasklistTaskDefinitionTests {

    /** The process variables that say whom or what a task is about (set before the first task of their process). */
    static final Set<String> NAMING_VARIABLES =
            Set.of("name", "personName", "township", "regionName", "documentNumber", "title");

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyUserTaskHasANamingChineseNameADueDateCandidateGroupsAndAnExistingForm() throws IOException {
        List<String> problems = new ArrayList<>();
        int userTasks = 0;
        for (Path model : models()) {
            for (UserTask task : Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
                userTasks++;
                problems.addAll(problems(model.getFileName() + " " + task.getId(), task));
            }
        }
        assertThat(userTasks)
                .as("the processes have user tasks (enrollment, hardship, referral, outreach, major matters)")
                .isGreaterThanOrEqualTo(16);
        assertThat(problems).isEmpty();
    }

    @Test
    void aFixedEnglishOrFormlessTaskIsCaught() {
        UserTask task = Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_Review")
                .name("Review ${name}")
                .endEvent()
                .done()
                .getModelElementById("Task_Review");
        assertThat(problems("p Task_Review", task))
                .hasSize(4)
                .anyMatch(p -> p.contains("no Chinese"))
                .anyMatch(p -> p.contains("no due date"))
                .anyMatch(p -> p.contains("no candidate groups"))
                .anyMatch(p -> p.contains("no form"));

        task.setName("县医保局审核");
        task.setCamundaDueDate("${dueDates.workingDaysFromNow(5)}");
        task.setCamundaCandidateGroups("medical-security");
        task.setCamundaFormRef("no-such-form");
        assertThat(problems("p Task_Review", task))
                .hasSize(2)
                .anyMatch(p -> p.contains("does not say whom or what"))
                .anyMatch(p -> p.contains("forms/no-such-form.form"));

        task.setName("县医保局审核：${documentNumber}《${title}》");
        task.setCamundaFormRef("review-major-matter");
        assertThat(problems("p Task_Review", task)).isEmpty();
    }

    private List<String> problems(String where, UserTask task) {
        List<String> problems = new ArrayList<>();
        String name = task.getName() == null ? "" : task.getName();
        if (!CJK.matcher(name).find()) {
            problems.add(where + ": no Chinese name: " + name);
        }
        if (!namesWhomOrWhat(name)) {
            problems.add(where + ": its name does not say whom or what it is about (an expression with one of "
                    + NAMING_VARIABLES + "): " + name);
        }
        if (blank(task.getCamundaDueDate())) {
            problems.add(where + ": no due date");
        }
        if (blank(task.getCamundaCandidateGroups())) {
            problems.add(where + ": no candidate groups");
        }
        String formRef = task.getCamundaFormRef();
        if (blank(formRef)) {
            problems.add(where + ": no form (camunda:formRef)");
        } else {
            Path form = Path.of("forms", formRef + ".form");
            if (!Files.exists(form)) {
                problems.add(where + ": forms/" + formRef + ".form does not exist");
            } else if (!formRef.equals(formId(form))) {
                problems.add(where + ": " + form + " has another id than " + formRef);
            }
        }
        return problems;
    }

    static boolean namesWhomOrWhat(String name) {
        Matcher expression = EXPRESSION.matcher(name);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1));
            while (identifier.find()) {
                if (NAMING_VARIABLES.contains(identifier.group())) {
                    return true;
                }
            }
        }
        return false;
    }

    private String formId(Path form) {
        try {
            return json.readTree(form.toFile()).path("id").asText();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
        }
    }
}
