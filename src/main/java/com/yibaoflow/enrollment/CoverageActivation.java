package com.yibaoflow.enrollment;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.waiting.BackPaymentCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.time.ShiftableClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_ActivateCoverage}: the coverage record (issue #4 §8), with the waiting period recalculated on the real
 * payment date: a newborn paid within the grace days is covered from birth (R-ELIG-03).
 */
@Service
@Transactional
class CoverageActivation {

    /** The accepted payment: date, amount and reference; all {@code null} for a fully subsidised case. */
    record Paid(LocalDate paidOn, String amount, String paymentReference) {}

    private final CaseLookup lookup;
    private final Coverages coverages;
    private final PolicyService policies;
    private final WaitingPeriods waitingPeriods;
    private final ShiftableClock clock;
    private final ApplicationEventPublisher events;
    private final BackPayments backPayments;

    CoverageActivation(
            CaseLookup lookup,
            Coverages coverages,
            PolicyService policies,
            WaitingPeriods waitingPeriods,
            ShiftableClock clock,
            ApplicationEventPublisher events,
            BackPayments backPayments) {
        this.backPayments = backPayments;
        this.lookup = lookup;
        this.coverages = coverages;
        this.policies = policies;
        this.waitingPeriods = waitingPeriods;
        this.clock = clock;
        this.events = events;
    }

    void activate(CaseRef ref, Paid paid) {
        EnrollmentCase c = lookup.find(ref);
        PolicySnapshot snapshot = policies.snapshot(c.regionCode(), c.coverageYear(), c.policyVersionNumber());
        LocalDate paymentDate = paid.paidOn() != null ? paid.paidOn() : clock.today();
        Periods periods = snapshot.parameters().periods();
        // R-REG-03: the payment door refuses a payment before WaitingPeriodCalculator.earliestPayment (issue #17
        // item 7); a fully subsidised case activated before the collection start counts from the collection start
        LocalDate earliest = WaitingPeriodCalculator.earliestPayment(periods, c.residence());
        if (paymentDate.isBefore(earliest)) {
            paymentDate = earliest;
        }
        String amount = paid.amount();
        // R-WAIT-04 (issue #17 item 1): the months come off only for the whole back-paid years the payment covers
        int backPaid = 0;
        ExplanationStep backPaidStep = null;
        if (!c.backPaymentBreakdown().isEmpty()) {
            BackPaymentCalculator.Coverage covered = backPayments
                    .calculator()
                    .covered(
                            snapshot,
                            BackPayments.standards(c),
                            c.currentYearDue(),
                            amount == null ? BigDecimal.ZERO : new BigDecimal(amount));
            backPaid = covered.yearsCovered();
            backPaidStep = covered.explanation();
        }
        c.backPaidYearsConfirmed(backPaid);
        WaitingPeriodResult w = waitingPeriods.of(snapshot, c, paymentDate, backPaid);
        List<ExplanationStep> explanation = new ArrayList<>();
        if (backPaidStep != null) {
            explanation.add(backPaidStep);
        }
        explanation.addAll(w.explanation());
        c.waiting(w.exempt(), w.fixedMonths(), w.variableMonths(), w.benefitStartDate(), explanation, clock.instant());
        coverages.save(new Coverage(
                c,
                amount == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(amount),
                paid.paymentReference(),
                w.benefitStartDate(),
                periods.coverageEnd(),
                w.coveredFromBirth(),
                clock.instant()));
        c.moveTo(EnrollmentStatus.ENROLLED, clock.instant());
        String summary = "参保成功：个人缴费 " + (amount == null ? "0.00" : amount) + " 元"
                + (paid.paymentReference() == null
                        ? "（全额资助）"
                        : "（缴费凭证 " + paid.paymentReference() + "，缴费日期 " + paymentDate + "）")
                + "，待遇享受期 " + w.benefitStartDate() + " 至 " + periods.coverageEnd()
                + (w.coveredFromBirth() ? "（新生儿自出生之日起享受待遇）" : "")
                + (c.backPaymentBreakdown().isEmpty()
                        ? ""
                        : "，补缴 " + c.backPaymentBreakdown().size() + " 个年度中按整年缴足计入 " + backPaid + " 个年度"
                                + (backPaid < c.backPaymentBreakdown().size() ? "（部分缴费只计整年）" : ""));
        events.publishEvent(new CoverageActivated(
                CaseEvent.newId(),
                clock.instant(),
                c.businessKey(),
                w.coveredFromBirth() ? "R-ELIG-03" : "R-WAIT-05",
                summary,
                c.idNumber(),
                c.regionCode(),
                c.coverageYear()));
    }
}
