package com.yibaoflow.enrollment;

import static com.yibaoflow.enrollment.EnrollmentProcess.*;
import static com.yibaoflow.shared.process.ProcessVariables.flag;
import static com.yibaoflow.shared.process.ProcessVariables.longValue;
import static com.yibaoflow.shared.process.ProcessVariables.string;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The review's listener and escalation in {@code processes/enrollment.bpmn}; thin, as {@link IntakeDelegates}. */
@Configuration(proxyBeanMethods = false)
class ReviewDelegates {

    /** On completion of {@code Task_ReviewEnrollment}: a decision that cannot be acted on refuses the completion. */
    @Bean
    TaskListener recordEnrollmentReview(ReviewDecisions decisions) {
        return task -> {
            CaseRef ref = new CaseRef(
                    longValue(task, CASE_ID),
                    task.getProcessInstanceId(),
                    task.getExecution().getProcessBusinessKey());
            try {
                decisions
                        .record(
                                ref,
                                new ReviewDecisions.Decision(
                                        string(task, REVIEW_DECISION),
                                        string(task, REVIEW_REASON_CODE),
                                        string(task, REVIEW_COMMENT),
                                        flag(task, PERSONAL_DUE_IS_ZERO),
                                        task.getAssignee()))
                        .ifPresent(rejection -> StepVariables.reject(task.getExecution(), rejection));
            } catch (ReviewDecisions.InvalidDecision e) {
                throw new ProcessEngineException(e.getMessage());
            }
        };
    }

    @Bean
    JavaDelegate escalateEnrollmentReview(ReviewEscalation escalation) {
        return execution -> escalation.escalate(StepVariables.caseRef(execution));
    }
}
