package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ClockConfiguration;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #16 (payments accepted at the tax bureau's rate): an accepted payment is recorded and answered at once, and
 * reaches its case's process in a background batch ({@link PaymentCorrelations}), exactly once; meanwhile the case
 * counts as paid, and a case that stopped waiting in between turns the money into an overpayment to refund.
 */
@IntegrationTest
@InCollectionPeriod
class PaymentCorrelationTests {

    static final String REGION = "341721";
    static final int YEAR = 2025;

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    PaymentService payments;

    @Autowired
    Payments paymentRecords;

    @Autowired
    EnrollmentCases cases;

    @Autowired
    CaseWithdrawal withdrawal;

    @Autowired
    PaymentDeadlineSweep sweep;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ShiftableClock clock;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void assertionsOnThisEngine() {
        AbstractAssertions.init(engine);
        driver.runBackgroundWork(); // what other test classes left queued is not this test's
    }

    @Test
    void R_PAY_01_anAcceptedPaymentIsAnsweredAtOnceAndReachesTheProcessInABackgroundBatchOnce() {
        EnrollmentCase c = waitingForPayment();
        String reference = "BG-" + c.id();

        Payment p = confirm(c, reference, LocalDate.of(2024, 11, 15));

        assertThat(p.outcome()).isEqualTo(Payment.Outcome.ACCEPTED);
        assertThat(correlatedAt(reference)).isNull();
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        // the same confirmation again: the same answer, nothing queued twice
        assertThat(confirm(c, reference, LocalDate.of(2024, 11, 15)).outcome()).isEqualTo(Payment.Outcome.ACCEPTED);
        // paid already: a withdrawal is refused before the process has heard of the payment
        EnrollmentCase reloaded = cases.findById(c.id()).orElseThrow();
        assertThatThrownBy(() -> withdrawal.withdraw(reloaded, "caseworker"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("paid");

        assertThat(driver.runBackgroundWork()).isEqualTo(1);

        assertThat(correlatedAt(reference)).isNotNull();
        assertThat(instance(c)).isWaitingAt("Task_ActivateCoverage");
        assertThat(runtime.getVariable(c.processInstanceId(), EnrollmentProcess.PAYMENT_REFERENCE))
                .isEqualTo(reference);
        assertThat(runtime.getVariable(c.processInstanceId(), EnrollmentProcess.PAID_AMOUNT))
                .isEqualTo("400.00");
        assertThat(driver.runBackgroundWork()).isZero(); // never twice

        driver.runJobs(c.processInstanceId());
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .activityId(EnrollmentProcess.TASK_AWAIT_PAYMENT)
                        .finished()
                        .count())
                .isOne();
    }

    @Test
    void R_PAY_R_REG_03_aPaidCaseNotYetToldIsNeitherRemindedNorLapsedByTheDeadlineSweep() {
        EnrollmentCase c = waitingForPayment();
        String reference = "BG-SWEEP-" + c.id();
        confirm(c, reference, LocalDate.of(2024, 12, 31));
        clock.setToday(LocalDate.of(2025, 1, 1), LocalTime.of(0, 5)); // the deadline day has ended

        tx.executeWithoutResult(status -> sweep.signalDue(0L, 10_000));

        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        assertThat(cases.findById(c.id()).orElseThrow().townshipRemindedAt()).isNull();
        driver.runJobs(c.processInstanceId());
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.ENROLLED);
    }

    @Test
    void R_PAY_issue16_4_aPaymentAcceptedAfterTheDeadlineWasSignalledBecomesAnOverpaymentToRefund() {
        EnrollmentCase c = waitingForPayment();
        clock.setToday(LocalDate.of(2025, 1, 1), LocalTime.of(0, 5));
        tx.executeWithoutResult(status -> sweep.signalDue(0L, 10_000));
        assertThat(instance(c)).isWaitingAt("Task_RecordLapse"); // the lapse is the case's own job, not run yet
        String reference = "BG-LATE-" + c.id();

        // the tax bureau's confirmation of a payment made on the last day arrives after the signal
        assertThat(confirm(c, reference, LocalDate.of(2024, 12, 31)).outcome()).isEqualTo(Payment.Outcome.ACCEPTED);
        assertThat(driver.runBackgroundWork()).isEqualTo(1);

        Payment refund = paymentRecords.findById(reference).orElseThrow();
        assertThat(refund.outcome()).isEqualTo(Payment.Outcome.OVERPAID);
        assertThat(refund.detail()).contains("待税务部门退费").contains("已不再等待缴费");
        assertThat(paymentRecords.findByRegionCodeAndCoverageYearAndOutcomeOrderByReceivedAt(
                        REGION, YEAR, Payment.Outcome.OVERPAID))
                .extracting(Payment::paymentReference)
                .contains(reference);
        driver.runJobs(c.processInstanceId());
        assertThat(cases.findById(c.id()).orElseThrow().status()).isEqualTo(EnrollmentStatus.LAPSED);
    }

    @Test
    void R_PAY_01_twoWorkersTakingSmallBatchesAtOnceTellEveryProcessExactlyOnce() throws Exception {
        List<EnrollmentCase> waiting = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waiting.add(waitingForPayment());
        }
        for (EnrollmentCase c : waiting) { // after the intakes: their driver works the queue off
            confirm(c, "BG-TWO-" + c.id(), LocalDate.of(2024, 11, 15));
        }
        // two nodes' workers, batches of three: FOR UPDATE SKIP LOCKED gives each batch to one of them
        PaymentCorrelations small = new PaymentCorrelations(jdbc, runtime, 3);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<Future<Integer>> taken = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            taken.add(workers.submit(() -> {
                int n = 0;
                for (Integer batch = tx.execute(status -> small.runBatch());
                        batch != null && batch > 0;
                        batch = tx.execute(status -> small.runBatch())) {
                    n += batch;
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : taken) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        workers.shutdown();

        assertThat(total).isEqualTo(12);
        for (EnrollmentCase c : waiting) {
            assertThat(paymentRecords.findById("BG-TWO-" + c.id()).orElseThrow().outcome())
                    .isEqualTo(Payment.Outcome.ACCEPTED);
            assertThat(instance(c)).isWaitingAt("Task_ActivateCoverage");
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(c.processInstanceId())
                            .activityId(EnrollmentProcess.TASK_AWAIT_PAYMENT)
                            .finished()
                            .count())
                    .isOne();
        }
    }

    EnrollmentCase waitingForPayment() {
        EnrollmentCase c = enrollments.intake(
                new Application(
                        REGION,
                        YEAR,
                        TestIds.adult(),
                        "李四",
                        Residence.LOCAL_HUKOU,
                        null,
                        "尧渡镇",
                        "13800000000",
                        List.of(),
                        null,
                        0),
                EnrollmentSource.API,
                null,
                "test");
        driver.runJobs(c.processInstanceId());
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        return c;
    }

    Payment confirm(EnrollmentCase c, String reference, LocalDate paidOn) {
        Instant paidAt = paidOn.atTime(8, 0).atZone(ClockConfiguration.ZONE).toInstant();
        if (clock.instant().isBefore(paidAt)) {
            clock.setInstant(paidAt.plusSeconds(3600));
        }
        return payments.confirm(new PaymentService.Confirmation(
                reference, c.idNumber(), REGION, YEAR, new BigDecimal("400.00"), Payment.Channel.WECHAT, paidAt));
    }

    ProcessInstance instance(EnrollmentCase c) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult();
    }

    Instant correlatedAt(String reference) {
        return jdbc.queryForObject(
                "select correlated_at from yibao.payment where payment_reference = ?", Instant.class, reference);
    }
}
