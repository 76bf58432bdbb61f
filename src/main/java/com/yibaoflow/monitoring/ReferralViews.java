package com.yibaoflow.monitoring;

import com.yibaoflow.policy.calc.FigureSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How the API shows referrals and a person's burden history ({@link ReferralQueries}); a warning line comes with the
 * policy version of the scan that applied it and its provenance (issue #17 item 2, {@link LineProvenance}).
 */
final class ReferralViews {

    private ReferralViews() {}

    record OutcomeView(
            String department,
            String outcome,
            String outcomeName,
            String category,
            String reason,
            String decidedBy,
            Instant decidedAt) {}

    record CheckView(
            Instant checkedAt,
            LocalDate periodFrom,
            LocalDate periodTo,
            BigDecimal costSinceReferral,
            BigDecimal costInPeriod,
            BigDecimal riskThreshold,
            boolean stillAtRisk) {}

    record ReferralView(
            long id,
            String businessKey,
            String idNumberMasked,
            String regionCode,
            int coverageYear,
            String state,
            String populationGroup,
            BigDecimal warningLine,
            BigDecimal lineReached,
            BigDecimal outOfPocket,
            long firstScanId,
            long lastScanId,
            LocalDate referredAsOf,
            Instant openedAt,
            Instant raisedAt,
            Instant closedAt,
            String processInstanceId,
            String hardshipBusinessKey,
            List<String> awaitingDepartments,
            List<OutcomeView> outcomes,
            List<CheckView> checks,
            String policyLabel,
            Map<String, List<FigureSource>> provenance) {}

    record MonthView(
            String month,
            int claims,
            BigDecimal totalCost,
            BigDecimal paid,
            BigDecimal outOfPocket,
            BigDecimal outOfPocketYearToDate,
            int claimsWithoutPaidAmounts) {}

    record WarningView(
            long scanId,
            LocalDate asOf,
            int coverageYear,
            String regionCode,
            String populationGroup,
            BigDecimal outOfPocket,
            BigDecimal warningLine,
            String policyLabel,
            Map<String, List<FigureSource>> provenance) {}

    record PersonView(
            String idNumberMasked,
            List<MonthView> burdenByMonth,
            List<WarningView> warnings,
            List<ReferralView> referrals) {}
}
