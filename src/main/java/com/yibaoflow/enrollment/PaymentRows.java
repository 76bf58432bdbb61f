package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Residence;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows a payment confirmation reads and writes, in plain SQL (issue #16: 300 confirmations a second). Through JPA
 * an accept loaded the whole case, parsing every JSON column of its explanation, dirty-checked it at the flush and
 * merged the payment: 70 % of an accept's CPU, for the eight columns below and one insert.
 */
@Component
class PaymentRows {

    /** A live case as a payment sees it, locked until the transaction ends: a person's payments serialize on it. */
    record PayableCase(
            long id,
            String regionCode,
            int coverageYear,
            EnrollmentStatus status,
            Residence residence,
            String businessKey,
            BigDecimal personalDue,
            BigDecimal currentYearDue,
            BigDecimal backPaymentDue) {}

    private static final String PAYMENT_COLUMNS = "payment_reference, case_id, id_number, region_code, coverage_year,"
            + " amount, channel, paid_at, received_at, outcome, detail";

    private final JdbcTemplate jdbc;

    PaymentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The live case of a person and year (R-ELIG-02: not REJECTED, LAPSED or WITHDRAWN), locked. */
    Optional<PayableCase> lockLive(String idNumber, int coverageYear) {
        return jdbc
                .query(
                        """
                        select id, region_code, coverage_year, status, residence, business_key, personal_due,
                               current_year_due, back_payment_due
                        from yibao.enrollment_case
                        where id_number = ? and coverage_year = ? and status not in ('REJECTED', 'LAPSED', 'WITHDRAWN')
                        for update""",
                        (rs, i) -> new PayableCase(
                                rs.getLong("id"),
                                rs.getString("region_code"),
                                rs.getInt("coverage_year"),
                                EnrollmentStatus.valueOf(rs.getString("status")),
                                Residence.valueOf(rs.getString("residence")),
                                rs.getString("business_key"),
                                rs.getBigDecimal("personal_due"),
                                rs.getBigDecimal("current_year_due"),
                                rs.getBigDecimal("back_payment_due")),
                        idNumber,
                        coverageYear)
                .stream()
                .findFirst();
    }

    /**
     * The reference of the case's accepted payment, if it has one (a later one is an overpayment). A statement of its
     * own after the lock, so that it sees a payment the previous holder of the lock committed.
     */
    Optional<String> firstAccepted(long caseId) {
        return jdbc
                .queryForList(
                        "select payment_reference from yibao.payment where case_id = ? and outcome = 'ACCEPTED'"
                                + " order by received_at limit 1",
                        String.class,
                        caseId)
                .stream()
                .findFirst();
    }

    Optional<Payment> find(String reference) {
        return jdbc
                .query(
                        "select " + PAYMENT_COLUMNS + " from yibao.payment where payment_reference = ?",
                        (rs, i) -> payment(rs),
                        reference)
                .stream()
                .findFirst();
    }

    /** Inserts the payment; a reference already recorded fails on the primary key ({@code DuplicateKeyException}). */
    Payment insert(Payment p) {
        jdbc.update(
                "insert into yibao.payment (" + PAYMENT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p.paymentReference(),
                p.caseId(),
                p.idNumber(),
                p.regionCode(),
                p.coverageYear(),
                p.amount(),
                p.channel().name(),
                utc(p.paidAt()),
                utc(p.receivedAt()),
                p.outcome().name(),
                p.detail());
        return p;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Payment payment(ResultSet rs) throws SQLException {
        long caseId = rs.getLong("case_id");
        return new Payment(
                rs.getString("payment_reference"),
                rs.wasNull() ? null : caseId,
                rs.getString("id_number"),
                rs.getString("region_code"),
                rs.getInt("coverage_year"),
                rs.getBigDecimal("amount"),
                Payment.Channel.valueOf(rs.getString("channel")),
                rs.getObject("paid_at", OffsetDateTime.class).toInstant(),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                Payment.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"));
    }
}
