package com.yibaoflow.enrollment;

import com.yibaoflow.shared.process.BackgroundWork;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the cases' processes of the payments {@link PaymentService} accepted (issue #16: payment confirmations are
 * answered once recorded, at the rate the tax bureau sends them; the message correlation was half the cost of an
 * answer). Each batch takes the oldest accepted payments not yet correlated ({@code payment_to_correlate}, V69)
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes take different ones, and sends each case's process the message
 * {@code PaymentConfirmed} with the payment's reference, date and amount, as the request itself did before. The
 * correlations and their marks commit together: a node that dies mid-batch leaves the batch queued, correlated by
 * nobody, for the next batch.
 *
 * <p>A case that stopped waiting between the answer and the batch (its payment deadline had been signalled just
 * before the payment arrived, or it was withdrawn) cannot take the money: the payment becomes an overpayment for the
 * tax bureau to refund, listed with the others ({@code GET /api/payments/overpayments}).
 */
@Service
class PaymentCorrelations implements BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(PaymentCorrelations.class);

    private static final String BATCH = """
            select p.payment_reference, p.paid_at, p.amount, c.id as case_id, c.process_instance_id, c.status
            from yibao.payment p join yibao.enrollment_case c on c.id = p.case_id
            where p.outcome = 'ACCEPTED' and p.correlated_at is null
            order by p.received_at
            limit ?
            for update of p skip locked""";

    private record Accepted(
            String reference,
            Timestamp paidAt,
            BigDecimal amount,
            long caseId,
            String processInstanceId,
            String status) {}

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final int batchSize;

    PaymentCorrelations(
            JdbcTemplate jdbc,
            RuntimeService runtime,
            @Value("${yibaoflow.payments.correlation-batch:50}") int batchSize) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.batchSize = batchSize;
    }

    @Override
    @Transactional
    public int runBatch() {
        List<Accepted> batch = jdbc.query(
                BATCH,
                (rs, i) -> new Accepted(
                        rs.getString("payment_reference"),
                        rs.getTimestamp("paid_at"),
                        rs.getBigDecimal("amount"),
                        rs.getLong("case_id"),
                        rs.getString("process_instance_id"),
                        rs.getString("status")),
                batchSize);
        List<Object[]> correlated = new ArrayList<>();
        List<Object[]> refunds = new ArrayList<>();
        for (Accepted a : batch) {
            if (a.processInstanceId() != null && correlate(a)) {
                correlated.add(new Object[] {a.reference()});
            } else {
                String detail = "多缴，待税务部门退费：缴费确认送达时参保登记 " + a.caseId() + " 已不再等待缴费（案件状态："
                        + EnrollmentStatus.valueOf(a.status()).chineseName() + "）";
                log.info("Payment {} for case {}: {}", a.reference(), a.caseId(), detail);
                refunds.add(new Object[] {detail, a.reference()});
            }
        }
        jdbc.batchUpdate("update yibao.payment set correlated_at = now() where payment_reference = ?", correlated);
        jdbc.batchUpdate(
                "update yibao.payment set outcome = 'OVERPAID', detail = ?, correlated_at = now()"
                        + " where payment_reference = ?",
                refunds);
        return batch.size();
    }

    /**
     * By the case's process instance, not by business key (the engine's business-key correlation joins the execution
     * table with itself, 8 ms a payment under load); all matches, so a process no longer waiting is no error.
     */
    private boolean correlate(Accepted a) {
        return !runtime.createMessageCorrelation(EnrollmentProcess.MESSAGE_PAYMENT_CONFIRMED)
                .processInstanceId(a.processInstanceId())
                .setVariables(Variables.createVariables()
                        .putValue(EnrollmentProcess.PAYMENT_REFERENCE, a.reference())
                        .putValue(EnrollmentProcess.PAID_AT, new Date(a.paidAt().getTime()))
                        .putValue(EnrollmentProcess.PAID_AMOUNT, a.amount().toPlainString()))
                .correlateAllWithResult()
                .isEmpty();
    }
}
