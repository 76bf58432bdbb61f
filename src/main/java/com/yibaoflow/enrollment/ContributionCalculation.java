package com.yibaoflow.enrollment;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.ParameterUse;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.ProvenanceText;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.policy.calc.contribution.EntitlementOutcome;
import com.yibaoflow.policy.calc.contribution.Payer;
import com.yibaoflow.policy.calc.contribution.Relationship;
import com.yibaoflow.policy.calc.waiting.BackPaymentCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import com.yibaoflow.shared.time.ShiftableClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@code Task_CalculateContribution}: contribution, subsidy and fiscal split over the verified categories (R-FUND,
 * R-SUB), and the waiting period as it stands if paid today (R-WAIT; recalculated with the real payment date at
 * activation). Sets the payment deadline the sweep reminds and lapses by.
 */
@Service
@Transactional
class ContributionCalculation {

    /** What the gateways and the review form read. */
    record Calculated(
            boolean personalDueIsZero,
            String personalDue,
            String personalDueProvenance,
            String policyVersion,
            String backPayment,
            String backPaymentProvenance) {}

    private final CaseLookup lookup;
    private final PolicyService policies;
    private final WaitingPeriods waitingPeriods;
    private final ShiftableClock clock;
    private final EnrollmentProperties properties;
    private final BackPayments backPayments;
    private final SingletonSupplier<SubsidyEntitlementCheck> entitlements;
    private final ContributionCalculator contribution = new ContributionCalculator();

    ContributionCalculation(
            CaseLookup lookup,
            PolicyService policies,
            WaitingPeriods waitingPeriods,
            ShiftableClock clock,
            EnrollmentProperties properties,
            BackPayments backPayments,
            ObjectProvider<SubsidyEntitlementCheck> entitlements) {
        this.backPayments = backPayments;
        this.entitlements = SingletonSupplier.of(entitlements::getIfAvailable);
        this.lookup = lookup;
        this.policies = policies;
        this.waitingPeriods = waitingPeriods;
        this.clock = clock;
        this.properties = properties;
    }

    Calculated calculate(CaseRef ref, List<String> verifiedCategories, boolean needsReview) {
        EnrollmentCase c = lookup.find(ref);
        PolicySnapshot snapshot = policies.activeSnapshot(c.regionCode(), c.coverageYear());
        Periods periods = snapshot.parameters().periods();
        Set<HardshipCategory> categories = EnumSet.noneOf(HardshipCategory.class);
        verifiedCategories.forEach(code -> categories.add(HardshipCategory.valueOf(code)));
        ContributionResult figures = contribution.calculate(
                snapshot, new ContributionInput(c.residence(), categories, payerOf(c), entitlementOutcomes(c)));

        LocalDate today = clock.today();
        LocalDate assumedPayment = today.isBefore(periods.collectionStart()) ? periods.collectionStart() : today;
        WaitingPeriodResult waiting = waitingPeriods.of(snapshot, c, assumedPayment, verifiedCategories);
        // R-WAIT-04: every back-paid year is charged at that year's standard (issue #17 item 1)
        BackPaymentCalculator.Result back = backPayments.of(snapshot, c, waiting.missedYears());
        List<ExplanationStep> explanation = new ArrayList<>(figures.explanation());
        explanation.addAll(back.explanation());

        c.figures(
                new ComputedFigures(
                        verifiedCategories,
                        figures.appliedCategory() == null
                                ? null
                                : figures.appliedCategory().name(),
                        figures.individualStandard(),
                        figures.subsidy(),
                        figures.personalDue(),
                        figures.fiscalSubsidy(),
                        figures.centralFiscalShare(),
                        figures.localFiscalShare(),
                        figures.policyVersion(),
                        waiting.exempt(),
                        waiting.fixedMonths(),
                        waiting.variableMonths(),
                        waiting.benefitStartDate(),
                        explanation,
                        waiting.explanation()),
                clock.instant());
        c.backPayment(
                figures.personalDue(),
                back.years().stream()
                        .map(y -> new BackPaidYear(
                                y.year(),
                                y.individualStandard(),
                                y.policyVersion(),
                                y.standard().provenance(),
                                y.standard().state()))
                        .toList(),
                back.total());

        LocalDate lateDeadline = today.plusDays(properties.latePaymentDays());
        LocalDate deadline = today.isAfter(periods.collectionEnd())
                ? (lateDeadline.isBefore(periods.coverageEnd()) ? lateDeadline : periods.coverageEnd())
                : periods.collectionEnd();
        c.paymentDeadline(
                newbornDeadline(c, today, snapshot.parameters().waiting().newbornGraceDays(), deadline));
        boolean dueIsZero = c.personalDue().signum() == 0;
        c.moveTo(
                needsReview
                        ? EnrollmentStatus.IN_REVIEW
                        : dueIsZero ? EnrollmentStatus.RECEIVED : EnrollmentStatus.AWAITING_PAYMENT,
                clock.instant());
        // every figure the review form shows names its provenance state (issue #17 item 2)
        List<ParameterUse> backFrom =
                back.years().stream().map(BackPaymentCalculator.Year::standard).toList();
        List<ParameterUse> dueFrom = new ArrayList<>(figures.personalDueParameters());
        dueFrom.addAll(backFrom);
        return new Calculated(
                dueIsZero,
                c.personalDue().toPlainString(),
                ProvenanceText.of(dueFrom),
                figures.policyVersion(),
                breakdownText(c),
                backFrom.isEmpty() ? NO_BACK_PAYMENT : ProvenanceText.of(backFrom));
    }

    /** R-SUB-11: the entitlements this case's eligibility check applied or found lapsed, for the explanation. */
    private List<EntitlementOutcome> entitlementOutcomes(EnrollmentCase c) {
        SubsidyEntitlementCheck check = entitlements.get();
        if (check == null) {
            return List.of();
        }
        return check.checkedBy(c.businessKey(), c.idNumber(), c.regionCode(), c.coverageYear()).stream()
                .map(e -> new EntitlementOutcome(HardshipCategory.valueOf(e.category()), e.applied(), e.outcome()))
                .toList();
    }

    /**
     * R-ELIG-03 (issue #17 item 5): a newborn's case (still within the grace days after birth) must be paid by the
     * last grace day (the 90th day after birth) when that is earlier than the usual deadline, or it loses the cover
     * from birth.
     */
    static LocalDate newbornDeadline(EnrollmentCase c, LocalDate today, int graceDays, LocalDate usual) {
        if (c.birthDate() == null) {
            return usual;
        }
        LocalDate lastGraceDay = c.birthDate().plusDays(graceDays);
        return !today.isAfter(lastGraceDay) && lastGraceDay.isBefore(usual) ? lastGraceDay : usual;
    }

    static final String NO_BACK_PAYMENT = "无补缴";

    /** The breakdown as the review form shows it (Chinese); empty when nothing is paid back. */
    static String breakdownText(EnrollmentCase c) {
        if (c.backPaymentBreakdown().isEmpty()) {
            return NO_BACK_PAYMENT;
        }
        StringBuilder text = new StringBuilder("本年度个人缴费 ")
                .append(c.currentYearDue().toPlainString())
                .append(" 元");
        for (BackPaidYear y : c.backPaymentBreakdown()) {
            text.append("；补缴 ")
                    .append(y.year())
                    .append(" 年度 ")
                    .append(y.individualStandard().toPlainString())
                    .append(" 元（")
                    .append(y.policyVersion())
                    .append("，")
                    .append(ProvenanceText.PREFIX)
                    .append(ProvenanceText.stateName(y.state()))
                    .append("）");
        }
        return text.append("；合计应缴 ")
                .append(c.personalDue().toPlainString())
                .append(" 元。补缴年度按实际缴足的整年计算，未缴足的年度不减少变动等待期。")
                .toString();
    }

    static Payer payerOf(EnrollmentCase c) {
        return c.payerIdNumber() == null
                ? null
                : new Payer(c.payerIdNumber(), c.payerName(), Relationship.valueOf(c.payerRelationship()));
    }
}
