package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A case's figures as the calculators computed them ({@link ContributionCalculation}); {@link CaseFigures} keeps them. */
record ComputedFigures(
        List<String> verifiedCategories,
        String appliedCategory,
        BigDecimal individualStandard,
        BigDecimal subsidy,
        BigDecimal personalDue,
        BigDecimal fiscalSubsidy,
        BigDecimal centralFiscalShare,
        BigDecimal localFiscalShare,
        String policyVersion,
        Boolean waitingExempt,
        Integer waitingFixedMonths,
        Integer waitingVariableMonths,
        LocalDate benefitStartDate,
        List<ExplanationStep> explanation,
        List<ExplanationStep> waitingExplanation) {}
