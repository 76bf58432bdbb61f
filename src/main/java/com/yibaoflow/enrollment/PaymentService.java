package com.yibaoflow.enrollment;

import com.yibaoflow.enrollment.PaymentRows.PayableCase;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ClockConfiguration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment confirmations from the tax bureau (issue #4 §7, R-PAY): a confirmation of the right amount for a case
 * waiting for payment is recorded as accepted and answered, and moves the process on a moment later (message
 * {@code PaymentConfirmed}, sent by {@link PaymentCorrelations}); a wrong amount is kept on record and the case keeps
 * waiting. The payment reference makes every confirmation idempotent: the same one again gets the
 * same answer, and nothing happens twice.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRows rows;
    private final PolicyService policies;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PaymentService(
            PaymentRows rows,
            PolicyService policies,
            PlatformTransactionManager transactionManager,
            Clock clock,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.policies = policies;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.events = events;
    }

    public record Confirmation(
            String paymentReference,
            String idNumber,
            String regionCode,
            int coverageYear,
            BigDecimal amount,
            Payment.Channel channel,
            Instant paidAt) {}

    public Payment confirm(Confirmation p) {
        BigDecimal amount = amountOf(p.amount());
        try {
            return tx.execute(status -> rows.find(p.paymentReference())
                    .map(existing -> replay(existing, p, amount))
                    .orElseGet(() -> record(p, amount)));
        } catch (DataIntegrityViolationException e) {
            // the same reference committed concurrently: answer as for a repeat
            return rows.find(p.paymentReference())
                    .map(existing -> replay(existing, p, amount))
                    .orElseThrow(() -> e);
        }
    }

    private Payment replay(Payment existing, Confirmation p, BigDecimal amount) {
        if (!existing.sameAs(p.idNumber(), p.regionCode(), p.coverageYear(), amount, p.channel(), p.paidAt())) {
            throw DomainException.conflict(
                    "缴费凭证号 " + p.paymentReference() + " 已用于另一笔缴费", Map.of("paymentReference", p.paymentReference()));
        }
        return existing;
    }

    private Payment record(Confirmation p, BigDecimal amount) {
        PayableCase c = rows.lockLive(p.idNumber(), p.coverageYear())
                .filter(found -> found.regionCode().equals(p.regionCode()))
                .orElseThrow(() -> DomainException.notFound("没有 " + ResidentIdNumber.mask(p.idNumber()) + " 在"
                        + p.regionCode() + "地区" + p.coverageYear() + "年度的参保登记"));
        // a reference recorded concurrently fails the insert below on the primary key, and is answered as a repeat
        Optional<String> accepted = rows.firstAccepted(c.id());
        if (accepted.isPresent() || c.status() == EnrollmentStatus.ENROLLED) {
            // issue #16 §4: the money has arrived and is not the person's contribution: kept for the tax bureau to
            // refund
            String detail = "多缴，待税务部门退费：参保登记 " + c.id() + " " + c.status().chineseName()
                    + accepted.map(paid -> "，已由缴费凭证 " + paid + " 缴费").orElse("");
            log.info("Payment {} for case {}: {}", p.paymentReference(), c.id(), detail);
            return rows.insert(paymentOf(p, c, amount, clock.instant(), Payment.Outcome.OVERPAID, detail));
        }
        if (c.status() != EnrollmentStatus.AWAITING_PAYMENT) {
            throw DomainException.conflict(
                    "参保登记 " + c.id() + " 当前" + c.status().chineseName() + "，不在待缴费状态",
                    Map.of("caseId", c.id(), "status", c.status()));
        }
        Periods periods = policies.activeSnapshot(c.regionCode(), c.coverageYear())
                .parameters()
                .periods();
        LocalDate paidOn = p.paidAt().atZone(ClockConfiguration.ZONE).toLocalDate();
        if (p.paidAt().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw DomainException.invalidField("paidAt", "晚于当前时间：" + p.paidAt());
        }
        // R-REG-03: the one early-payment rule the waiting-period calculator applies too (issue #17 item 7)
        LocalDate earliest = WaitingPeriodCalculator.earliestPayment(periods, c.residence());
        if (paidOn.isBefore(earliest) || paidOn.isAfter(periods.coverageEnd())) {
            throw DomainException.invalidField(
                    "paidAt",
                    "缴费日期 " + paidOn + " 不在" + c.coverageYear() + "年度的缴费期（" + earliest + " 至 " + periods.coverageEnd()
                            + "）内" + (c.residence() == Residence.STUDENT ? "（在校学生可提前缴费）" : ""));
        }
        Instant now = clock.instant();
        if (!acceptable(c, amount)) {
            log.info(
                    "Payment {} for case {}: wrong amount {} (due {})",
                    p.paymentReference(),
                    c.id(),
                    amount,
                    c.personalDue());
            events.publishEvent(new PaymentAmountMismatched(
                    CaseEvent.newId(), now, c.businessKey(), p.paymentReference(), amount, c.personalDue()));
            return rows.insert(paymentOf(
                    p,
                    c,
                    amount,
                    now,
                    Payment.Outcome.WRONG_AMOUNT,
                    "缴费金额 " + amount.toPlainString() + " 元与个人应缴 "
                            + c.personalDue().toPlainString() + " 元不符"));
        }
        // recorded and answered; PaymentCorrelations tells the case's process in a background batch a moment later
        // (issue #16: the correlation in the request was half its cost)
        Payment payment = rows.insert(paymentOf(p, c, amount, now, Payment.Outcome.ACCEPTED, null));
        log.info("Payment {} accepted for case {}", p.paymentReference(), c.id());
        return payment;
    }

    /**
     * The full due, or, with a back-payment (R-WAIT-04), anything from the current year's due up to the full due: the
     * activation counts the whole back-paid years it covers and says so.
     */
    private static boolean acceptable(PayableCase c, BigDecimal amount) {
        if (amount.compareTo(c.personalDue()) == 0) {
            return true;
        }
        return c.backPaymentDue().signum() > 0
                && amount.compareTo(c.currentYearDue()) >= 0
                && amount.compareTo(c.personalDue()) < 0;
    }

    /** The payment as kept, whatever its outcome (a wrong amount and an overpayment stay on record too). */
    private static Payment paymentOf(
            Confirmation p,
            PayableCase c,
            BigDecimal amount,
            Instant receivedAt,
            Payment.Outcome outcome,
            String detail) {
        return new Payment(
                p.paymentReference(),
                c.id(),
                p.idNumber(),
                p.regionCode(),
                p.coverageYear(),
                amount,
                p.channel(),
                p.paidAt(),
                receivedAt,
                outcome,
                detail);
    }

    private static BigDecimal amountOf(BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw DomainException.invalidField("amount", "缴费金额须大于 0，实为 " + amount.toPlainString());
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw DomainException.invalidField("amount", "缴费金额最多到分（两位小数），实为 " + amount.toPlainString());
        }
    }
}
