package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/** The waiting period of an {@link EnrollmentCase}, read-only ({@link CaseWaiting} holds it). */
public interface WaitingDetails {

    /** The part of the case these details read. */
    CaseWaiting waitingPeriod();

    default Boolean waitingExempt() {
        return waitingPeriod().waitingExempt;
    }

    default Integer waitingFixedMonths() {
        return waitingPeriod().waitingFixedMonths;
    }

    default Integer waitingVariableMonths() {
        return waitingPeriod().waitingVariableMonths;
    }

    default LocalDate benefitStartDate() {
        return waitingPeriod().benefitStartDate;
    }

    default List<ExplanationStep> waitingExplanation() {
        return Collections.unmodifiableList(waitingPeriod().waitingExplanation());
    }
}
