package com.yibaoflow.modelcheck;

import com.yibaoflow.identity.Department;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The rules every model in {@code processes/} must meet (issue #2 §9): it parses and validates with the Camunda model
 * API; every process has a history time to live; every flow node has a name and a diagram shape; every user task has
 * candidate groups that exist (an expression is allowed only when every DMN output it can take is an existing
 * group); every service task calls a delegate bean by name that exists; every referenced form and called process
 * exists.
 */
public final class ModelChecker {

    private static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /** DMN output names whose values are candidate groups (other outputs, e.g. a deciding level, are not). */
    private static final Set<String> GROUP_OUTPUTS = Set.of("department", "candidateGroup");

    private static final Pattern JSON_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final Path processes;
    private final Path forms;
    private final Predicate<String> beanExists;

    public ModelChecker(Path processes, Path forms, Predicate<String> beanExists) {
        this.processes = processes;
        this.forms = forms;
        this.beanExists = beanExists;
    }

    /** Every problem found, one line each, prefixed with the file name; empty when all is well. */
    public List<String> check() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> dmnOutputs = new HashSet<>();
        Set<String> decisionIds = new HashSet<>();
        Set<String> processIds = new HashSet<>();
        List<BpmnModelInstance> models = new ArrayList<>();
        List<String> modelNames = new ArrayList<>();
        for (Path file : files(processes, ".dmn")) {
            try {
                DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
                dmn.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)
                        .forEach(d -> decisionIds.add(d.getId()));
                // only the outputs a decision names as a department can route a task to a group
                for (DecisionTable table : dmn.getModelElementsByType(DecisionTable.class)) {
                    List<Output> outputs = new ArrayList<>(table.getOutputs());
                    for (Rule rule : table.getRules()) {
                        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
                        for (int i = 0; i < entries.size() && i < outputs.size(); i++) {
                            if (GROUP_OUTPUTS.contains(outputs.get(i).getName())) {
                                dmnOutputs.add(
                                        entries.get(i).getTextContent().trim().replace("\"", ""));
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                problems.add(file.getFileName() + ": does not parse as DMN: " + e.getMessage());
            }
        }
        for (Path file : files(processes, ".bpmn")) {
            try {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                Bpmn.validateModel(model);
                models.add(model);
                modelNames.add(file.getFileName().toString());
                model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
            } catch (RuntimeException e) {
                problems.add(file.getFileName() + ": does not parse as BPMN: " + e.getMessage());
            }
        }
        Set<String> formIds = formIds();
        for (int i = 0; i < models.size(); i++) {
            check(modelNames.get(i), models.get(i), dmnOutputs, decisionIds, processIds, formIds, problems);
        }
        return problems;
    }

    private void check(
            String name,
            BpmnModelInstance model,
            Set<String> dmnOutputs,
            Set<String> decisionIds,
            Set<String> processIds,
            Set<String> formIds,
            List<String> problems) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add(name + ": process " + process.getId() + " has no historyTimeToLive");
            }
        }
        Set<String> shaped = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> {
            if (s.getBpmnElement() != null) {
                shaped.add(s.getBpmnElement().getId());
            }
        });
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            String where = name + ": " + node.getElementType().getTypeName() + " " + node.getId();
            if (node.getName() == null || node.getName().isBlank()) {
                problems.add(where + " has no name");
            }
            if (!shaped.contains(node.getId())) {
                problems.add(where + " has no diagram shape (BPMNDI)");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = name + ": user task " + task.getId();
            String groups = task.getCamundaCandidateGroups();
            if (groups == null || groups.isBlank()) {
                problems.add(where + " has no candidate groups");
            } else {
                for (String group : groups.split(",")) {
                    checkGroup(where, group.trim(), dmnOutputs, problems);
                }
            }
            checkForm(where, task.getCamundaFormRef(), formIds, problems);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            checkForm(name + ": start event " + start.getId(), start.getCamundaFormRef(), formIds, problems);
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            checkDelegate(name + ": service task " + task.getId(), task, task.getCamundaDelegateExpression(), problems);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            if (!decisionIds.contains(task.getCamundaDecisionRef())) {
                problems.add(name + ": business rule task " + task.getId() + " refers to unknown decision "
                        + task.getCamundaDecisionRef());
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            if (!processIds.contains(call.getCalledElement())) {
                problems.add(
                        name + ": call activity " + call.getId() + " calls unknown process " + call.getCalledElement());
            }
        }
    }

    private void checkGroup(String where, String group, Set<String> dmnOutputs, List<String> problems) {
        if (group.startsWith("${") || group.startsWith("#{")) {
            if (dmnOutputs.isEmpty()) {
                problems.add(where + " takes its candidate group from " + group + " but no DMN table lists the groups");
            }
            dmnOutputs.stream()
                    .filter(out -> !Department.exists(out))
                    .forEach(out ->
                            problems.add(where + " may be routed by DMN to group '" + out + "', which does not exist"));
        } else if (!Department.exists(group)) {
            problems.add(where + " has candidate group '" + group + "', which does not exist");
        }
    }

    private static void checkForm(String where, String formRef, Set<String> formIds, List<String> problems) {
        if (formRef != null && !formIds.contains(formRef)) {
            problems.add(where + " refers to form '" + formRef + "', which is not in forms/");
        }
    }

    private void checkDelegate(String where, BaseElement task, String delegateExpression, List<String> problems) {
        if (delegateExpression == null) {
            problems.add(where + " does not call a delegate bean by name (camunda:delegateExpression=\"${bean}\")");
            return;
        }
        Matcher m = BEAN_EXPRESSION.matcher(delegateExpression.trim());
        if (!m.matches()) {
            problems.add(where + " has delegate expression " + delegateExpression + "; expected ${beanName}");
        } else if (!beanExists.test(m.group(1))) {
            problems.add(where + " calls delegate bean '" + m.group(1) + "', which does not exist");
        }
    }

    private Set<String> formIds() throws IOException {
        Set<String> ids = new HashSet<>();
        if (forms == null) {
            return ids;
        }
        for (Path form : files(forms, ".form")) {
            Matcher m = JSON_ID.matcher(Files.readString(form));
            // the form's own id is the last top-level "id" in form-js files; collect them all, components included,
            // but a form is only found by the id its file name states
            String fileId = form.getFileName().toString().replace(".form", "");
            while (m.find()) {
                if (m.group(1).equals(fileId)) {
                    ids.add(fileId);
                }
            }
        }
        return ids;
    }

    private static Collection<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
