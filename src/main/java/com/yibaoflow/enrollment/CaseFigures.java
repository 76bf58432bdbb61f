package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * What the calculators computed for a case: the verified and applied categories, the contribution and its fiscal
 * split, the policy version they came from and the explanation behind them, and the back-paid years charged with it
 * (R-WAIT-04, issue #17 item 1). Columns of {@code enrollment_case}; read through {@link FigureDetails}.
 */
@Embeddable
class CaseFigures {

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "verified_categories", nullable = false)
    List<String> verifiedCategories = List.of();

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

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    List<ExplanationStep> explanation = List.of();

    @Column(name = "current_year_due")
    BigDecimal currentYearDue;

    @Column(name = "back_payment_due", nullable = false)
    BigDecimal backPaymentDue = BigDecimal.ZERO.setScale(2);

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "back_payment_breakdown", nullable = false)
    List<BackPaidYear> backPaymentBreakdown = List.of();

    @Column(name = "back_paid_years_confirmed")
    Integer backPaidYearsConfirmed;

    void set(ComputedFigures f) {
        this.verifiedCategories = List.copyOf(f.verifiedCategories());
        this.appliedCategory = f.appliedCategory();
        this.individualStandard = f.individualStandard();
        this.subsidy = f.subsidy();
        this.personalDue = f.personalDue();
        this.fiscalSubsidy = f.fiscalSubsidy();
        this.centralFiscalShare = f.centralFiscalShare();
        this.localFiscalShare = f.localFiscalShare();
        this.policyVersion = f.policyVersion();
        this.explanation = List.copyOf(f.explanation());
    }

    /** R-WAIT-04: the personal due becomes the current year's due plus every back-paid year. */
    void backPayment(BigDecimal currentDue, List<BackPaidYear> years, BigDecimal total) {
        this.currentYearDue = currentDue;
        this.backPaymentBreakdown = List.copyOf(years);
        this.backPaymentDue = total;
        this.personalDue = currentDue.add(total);
    }

    /** The version number within the policy version ("341721/2025 v1" → 1). */
    int policyVersionNumber() {
        return Integer.parseInt(policyVersion.substring(policyVersion.lastIndexOf(" v") + 2));
    }
}
