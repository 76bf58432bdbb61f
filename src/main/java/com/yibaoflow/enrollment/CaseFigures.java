package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.shared.json.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * What the calculators computed for a case: the verified and applied categories, the contribution and its fiscal
 * split, the policy version they came from and the explanation behind them, and the back-paid years charged with it
 * (R-WAIT-04, issue #17 item 1), not the back-paid years confirmed ({@link EnrollmentCase} holds those). Columns of
 * {@code enrollment_case}; read through {@link FigureDetails}.
 */
@Embeddable
class CaseFigures {

    // The JSON columns are parsed only when read, and written only when replaced (JsonText)
    @Mutability(Immutability.class)
    @ColumnTransformer(write = JsonText.AS_JSONB)
    @Column(name = "verified_categories", nullable = false)
    JsonText verifiedCategories = CaseJson.none(CaseJson.CODES);

    @Column(name = "applied_category")
    String appliedCategory;

    @Column(name = "individual_standard")
    BigDecimal individualStandard;

    BigDecimal subsidy;

    @Column(name = "personal_due")
    BigDecimal personalDue;

    @Column(name = "fiscal_subsidy")
    BigDecimal fiscalSubsidy;

    @Column(name = "central_fiscal_share")
    BigDecimal centralFiscalShare;

    @Column(name = "local_fiscal_share")
    BigDecimal localFiscalShare;

    @Column(name = "policy_version")
    String policyVersion;

    @Mutability(Immutability.class)
    @ColumnTransformer(write = JsonText.AS_JSONB)
    @Column(nullable = false)
    JsonText explanation = CaseJson.none(CaseJson.STEPS);

    @Column(name = "current_year_due")
    BigDecimal currentYearDue;

    @Column(name = "back_payment_due", nullable = false)
    BigDecimal backPaymentDue = BigDecimal.ZERO.setScale(2);

    @Mutability(Immutability.class)
    @ColumnTransformer(write = JsonText.AS_JSONB)
    @Column(name = "back_payment_breakdown", nullable = false)
    JsonText backPaymentBreakdown = CaseJson.none(CaseJson.BACK_PAID_YEARS);

    void set(ComputedFigures f) {
        this.verifiedCategories = CaseJson.set(verifiedCategories, f.verifiedCategories(), CaseJson.CODES);
        this.appliedCategory = f.appliedCategory();
        this.individualStandard = f.individualStandard();
        this.subsidy = f.subsidy();
        this.personalDue = f.personalDue();
        this.fiscalSubsidy = f.fiscalSubsidy();
        this.centralFiscalShare = f.centralFiscalShare();
        this.localFiscalShare = f.localFiscalShare();
        this.policyVersion = f.policyVersion();
        this.explanation = CaseJson.set(explanation, f.explanation(), CaseJson.STEPS);
    }

    /** R-WAIT-04: the personal due becomes the current year's due plus every back-paid year. */
    void backPayment(BigDecimal currentDue, List<BackPaidYear> years, BigDecimal total) {
        this.currentYearDue = currentDue;
        this.backPaymentBreakdown = CaseJson.set(backPaymentBreakdown, years, CaseJson.BACK_PAID_YEARS);
        this.backPaymentDue = total;
        this.personalDue = currentDue.add(total);
    }

    List<String> verifiedCategories() {
        return verifiedCategories.value(CaseJson.CODES);
    }

    List<ExplanationStep> explanation() {
        return explanation.value(CaseJson.STEPS);
    }

    List<BackPaidYear> backPaymentBreakdown() {
        return backPaymentBreakdown.value(CaseJson.BACK_PAID_YEARS);
    }

    /** The version number within the policy version ("341721/2025 v1" → 1). */
    int policyVersionNumber() {
        return Integer.parseInt(policyVersion.substring(policyVersion.lastIndexOf(" v") + 2));
    }
}
