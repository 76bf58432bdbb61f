package com.yibaoflow.enrollment;

import com.yibaoflow.shared.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What the delegates read from and write to an enrollment process, by the names of {@link EnrollmentProcess}:
 * the engine API stays here and in the delegates, the services get typed values.
 */
final class StepVariables {

    private StepVariables() {}

    static CaseRef caseRef(DelegateExecution execution) {
        return new CaseRef(
                ProcessVariables.longValue(execution, EnrollmentProcess.CASE_ID),
                execution.getProcessInstanceId(),
                execution.getProcessBusinessKey());
    }

    /**
     * The applicant's data as process variables (for the forms and the hardship call), set by the eligibility step
     * from the case row for a case going to review or hardship verification: the API and roster doors start the
     * process with the case id only, which keeps intake fast; the Tasklist door's start form sets the same names.
     */
    static void applicant(DelegateExecution execution, EligibilityCheck.Applicant a) {
        execution.setVariables(Variables.createVariables()
                .putValue(EnrollmentProcess.ID_NUMBER, a.idNumber())
                .putValue(EnrollmentProcess.ID_NUMBER_MASKED, a.idNumberMasked())
                .putValue(EnrollmentProcess.NAME, a.name())
                .putValue(EnrollmentProcess.REGION_CODE, a.regionCode())
                .putValue(EnrollmentProcess.COVERAGE_YEAR, a.coverageYear())
                .putValue(EnrollmentProcess.RESIDENCE, a.residence())
                .putValue(EnrollmentProcess.RESIDENCE_PERMIT_NUMBER, a.residencePermitNumber())
                .putValue(EnrollmentProcess.TOWNSHIP, a.township())
                .putValue(EnrollmentProcess.PHONE, a.phone())
                .putValue(EnrollmentProcess.CLAIMED_CATEGORIES, a.claimedCategories()));
    }

    static void reject(DelegateExecution execution, Rejection rejection) {
        execution.setVariable(
                EnrollmentProcess.REJECTION_REASON, rejection.reason().name());
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
                || execution.hasVariable(name)
                        && !execution.getVariableTyped(name).isTransient();
        execution.setVariable(name, Variables.booleanValue(value, !stored));
    }
}
