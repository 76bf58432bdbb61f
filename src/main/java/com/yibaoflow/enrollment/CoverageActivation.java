package com.yibaoflow.enrollment;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.time.ShiftableClock;
import java.math.BigDecimal;
import java.time.LocalDate;
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

    CoverageActivation(
            CaseLookup lookup,
            Coverages coverages,
            PolicyService policies,
            WaitingPeriods waitingPeriods,
            ShiftableClock clock,
            ApplicationEventPublisher events) {
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
        if (paymentDate.isBefore(periods.collectionStart()) && c.residence() != Residence.STUDENT) {
            paymentDate = periods.collectionStart();
        }
        WaitingPeriodResult w = waitingPeriods.of(snapshot, c, paymentDate);
        c.waiting(
                w.exempt(),
                w.fixedMonths(),
                w.variableMonths(),
                w.benefitStartDate(),
                w.explanation(),
                clock.instant());
        String amount = paid.amount();
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
                + (w.coveredFromBirth() ? "（新生儿自出生之日起享受待遇）" : "");
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
