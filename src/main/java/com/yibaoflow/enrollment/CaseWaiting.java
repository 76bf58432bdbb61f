package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.shared.json.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A case's waiting period and benefit start (R-WAIT-01..05, R-ELIG-03): first as calculated at intake, then with the
 * real payment date. Columns of {@code enrollment_case}; read through {@link WaitingDetails}.
 */
@Embeddable
class CaseWaiting {

    @Column(name = "waiting_exempt")
    Boolean waitingExempt;

    @Column(name = "waiting_fixed_months")
    Integer waitingFixedMonths;

    @Column(name = "waiting_variable_months")
    Integer waitingVariableMonths;

    @Column(name = "benefit_start_date")
    LocalDate benefitStartDate;

    @Mutability(Immutability.class) // parsed only when read, written only when replaced (JsonText)
    @ColumnTransformer(write = JsonText.AS_JSONB)
    @Column(name = "waiting_explanation", nullable = false)
    JsonText waitingExplanation = CaseJson.none(CaseJson.STEPS);

    void set(
            Boolean exempt,
            Integer fixedMonths,
            Integer variableMonths,
            LocalDate benefitStartDate,
            List<ExplanationStep> waitingExplanation) {
        this.waitingExempt = exempt;
        this.waitingFixedMonths = fixedMonths;
        this.waitingVariableMonths = variableMonths;
        this.benefitStartDate = benefitStartDate;
        this.waitingExplanation = CaseJson.set(this.waitingExplanation, waitingExplanation, CaseJson.STEPS);
    }

    List<ExplanationStep> waitingExplanation() {
        return waitingExplanation.value(CaseJson.STEPS);
    }
}
