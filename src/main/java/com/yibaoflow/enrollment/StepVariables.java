package com.yibaoflow.enrollment;

import com.yibaoflow.shared.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the delegates read from and write to an enrollment process, by the names of {@link EnrollmentProcess}:
 * the engine API stays here and in the delegates, the services get typed values.
 */
final class StepVariables {

    private StepVariables() {
    }

    static CaseRef caseRef(DelegateExecution execution) {
        return new CaseRef(ProcessVariables.longValue(execution, EnrollmentProcess.CASE_ID),
                execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }

    static void reject(DelegateExecution execution, Rejection rejection) {
        execution.setVariable(EnrollmentProcess.REJECTION_REASON, rejection.reason().name());
        execution.setVariable(EnrollmentProcess.REJECTION_DETAIL, rejection.detail());
    }

    /**
     * A flag only the gateway right after the step reads, in the same transaction: transient, so it is neither
     * stored nor written to history (three rows a flag, every case; the reasons behind it are on the case and in its
     * case history).
     */
    static void gate(DelegateExecution execution, String name, boolean value) {
        gate(execution, name, value, false);
    }

    /**
     * A flag that is stored only when a wait state lies between the step and the flag's reader ({@code needsReview}
     * before the hardship call, {@code personalDueIsZero} before the review task); transient on the straight path.
     */
    static void gate(DelegateExecution execution, String name, boolean value, boolean readAfterWaitState) {
        // a flag stored earlier (by a case started before the flag became transient, or by an earlier round of the
        // correction loop) stays stored: the engine refuses to turn one kind into the other
        boolean stored = readAfterWaitState
                || execution.hasVariable(name) && !execution.getVariableTyped(name).isTransient();
        execution.setVariable(name, Variables.booleanValue(value, !stored));
    }
}
