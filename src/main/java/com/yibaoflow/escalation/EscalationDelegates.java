package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.shared.process.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin engine-facing steps of the major-matter process. */
@Configuration(proxyBeanMethods = false)
class EscalationDelegates {

    /** R-MM-04: the request type decides the level, national filing, refusal and whether it is a report. */
    @Bean
    JavaDelegate routeMajorMatter(DecisionService decisions, PolicyActivationSteps activation) {
        return execution -> {
            Map<String, Object> result = decisions
                    .evaluateDecisionTableByKey(DECISION_ROUTING)
                    .variables(Map.of(MATTER_TYPE, execution.getVariable(MATTER_TYPE)))
                    .evaluate()
                    .getSingleResult()
                    .getEntryMap();
            execution.setVariable(DECIDING_LEVEL, result.get(DECIDING_LEVEL));
            execution.setVariable(FILED_NATIONALLY, Boolean.TRUE.equals(result.get(FILED_NATIONALLY)));
            execution.setVariable(REFUSED, Boolean.TRUE.equals(result.get(REFUSED)));
            execution.setVariable(REFUSAL_REASON, result.get(REFUSAL_REASON));
            execution.setVariable(REPORT, Boolean.TRUE.equals(result.get(REPORT)));
            if (execution.getVariable(ROUND) == null) {
                execution.setVariable(ROUND, 1);
            }
            if (!Boolean.TRUE.equals(execution.getVariable(REFUSED))) {
                activation.recordSubmission(execution); // R-MM-03: the figures the request asks to approve
            }
        };
    }

    /**
     * Checks the decision and opinion of a completed level task and appends it to the case's opinions; the request's
     * row keeps the step as an opinion row (the opinion is read before the step clears it for the next level).
     */
    @Bean
    TaskListener recordMajorMatterStep(MajorMatterSteps steps, MajorMatterRecords records) {
        return task -> {
            String opinion = ProcessVariables.string(task, OPINION);
            steps.recordStep(task);
            records.stepCompleted(task, opinion);
        };
    }

    /** 催办: the level's due date has come; its group is reminded (issue #18 §3). */
    @Bean
    JavaDelegate remindMajorMatterLevel(MajorMatterSteps steps) {
        return execution -> steps.overdue(execution, false);
    }

    /** 督办: the level is still overdue later; that level's supervisors are told (issue #18 §3). */
    @Bean
    JavaDelegate escalateMajorMatterLevel(MajorMatterSteps steps) {
        return execution -> steps.overdue(execution, true);
    }

    /** The approved request's last step: activates the policy version it names, in the transaction that ends it. */
    @Bean
    JavaDelegate concludeApprovedMatter(PolicyActivationSteps activation) {
        return activation::conclude;
    }

    /** R-MM-06: the fund-warning review task's listener (assignment: who may take it; complete: the decision). */
    @Bean
    TaskListener reviewFundWarning(FundWarnings warnings) {
        return task -> {
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                warnings.completed(task);
            } else {
                warnings.assigned(task);
            }
        };
    }

    /** R-MM-06: a "draft" decision submits the prefilled benefit-adjustment request in the decider's name. */
    @Bean
    JavaDelegate submitBenefitAdjustment(FundWarnings warnings) {
        return warnings::submitDraft;
    }
}
