package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/** The computed figures of an {@link EnrollmentCase}, read-only ({@link CaseFigures} holds them). */
public interface FigureDetails {

    /** The part of the case these details read. */
    CaseFigures computedFigures();

    default List<String> verifiedCategories() {
        return Collections.unmodifiableList(computedFigures().verifiedCategories());
    }

    default String appliedCategory() {
        return computedFigures().appliedCategory;
    }

    default BigDecimal individualStandard() {
        return computedFigures().individualStandard;
    }

    default BigDecimal subsidy() {
        return computedFigures().subsidy;
    }

    default BigDecimal personalDue() {
        return computedFigures().personalDue;
    }

    default BigDecimal fiscalSubsidy() {
        return computedFigures().fiscalSubsidy;
    }

    default BigDecimal centralFiscalShare() {
        return computedFigures().centralFiscalShare;
    }

    default BigDecimal localFiscalShare() {
        return computedFigures().localFiscalShare;
    }

    default String policyVersion() {
        return computedFigures().policyVersion;
    }

    default List<ExplanationStep> explanation() {
        return Collections.unmodifiableList(computedFigures().explanation());
    }

    /** The coverage year's own personal due, without back-payment. */
    default BigDecimal currentYearDue() {
        CaseFigures f = computedFigures();
        return f.currentYearDue != null ? f.currentYearDue : f.personalDue;
    }

    default BigDecimal backPaymentDue() {
        return computedFigures().backPaymentDue;
    }

    default List<BackPaidYear> backPaymentBreakdown() {
        return Collections.unmodifiableList(computedFigures().backPaymentBreakdown());
    }

    /** {@code null} until a payment was confirmed and the coverage activated. */
    Integer backPaidYearsConfirmed();
}
