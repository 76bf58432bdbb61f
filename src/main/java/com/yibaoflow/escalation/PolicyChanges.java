package com.yibaoflow.escalation;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy change each request asks for ({@code yibao.major_matter_policy_change}, R-MM-03): the DRAFT version it
 * names and the digest of the figures it was submitted with, then approved, then activated once.
 */
@Component
class PolicyChanges {

    enum State {
        SUBMITTED,
        APPROVED,
        ACTIVATED,
        REFUSED
    }

    record PolicyChange(
            String documentNumber,
            String processInstanceId,
            String regionCode,
            int coverageYear,
            int version,
            String figuresDigest,
            State state) {

        String versionLabel() {
            return regionCode + "/" + coverageYear + " v" + version;
        }
    }

    private final JdbcTemplate jdbc;

    PolicyChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A (re)submission: the figures the request now asks to approve; an earlier round's approval does not carry over. */
    @Transactional(propagation = Propagation.MANDATORY)
    void submitted(
            String documentNumber,
            String processInstanceId,
            String regionCode,
            int coverageYear,
            int version,
            String figuresDigest,
            Instant at) {
        jdbc.update(
                "INSERT INTO yibao.major_matter_policy_change (document_number, process_instance_id, region_code,"
                        + " coverage_year, version, figures_digest, state, submitted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?)"
                        + " ON CONFLICT (document_number) DO UPDATE SET figures_digest = excluded.figures_digest,"
                        + " state = 'SUBMITTED', submitted_at = excluded.submitted_at, approved_at = NULL"
                        + " WHERE major_matter_policy_change.state = 'SUBMITTED'",
                documentNumber,
                processInstanceId,
                regionCode,
                coverageYear,
                version,
                figuresDigest,
                java.sql.Timestamp.from(at));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void approved(String documentNumber, Instant at) {
        jdbc.update(
                "UPDATE yibao.major_matter_policy_change SET state = 'APPROVED', approved_at = ?"
                        + " WHERE document_number = ? AND state = 'SUBMITTED'",
                java.sql.Timestamp.from(at),
                documentNumber);
    }

    /** The change, its row locked until the transaction ends: the concluding step runs once at a time. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<PolicyChange> lock(String documentNumber) {
        return query(
                "SELECT * FROM yibao.major_matter_policy_change WHERE document_number = ? FOR UPDATE", documentNumber);
    }

    Optional<PolicyChange> find(String documentNumber) {
        return query("SELECT * FROM yibao.major_matter_policy_change WHERE document_number = ?", documentNumber);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void concluded(String documentNumber, State state, String outcome, Instant at) {
        jdbc.update(
                "UPDATE yibao.major_matter_policy_change SET state = ?, outcome = ?, concluded_at = ?"
                        + " WHERE document_number = ? AND state = 'APPROVED'",
                state.name(),
                outcome,
                java.sql.Timestamp.from(at),
                documentNumber);
    }

    private Optional<PolicyChange> query(String sql, String documentNumber) {
        return jdbc
                .query(
                        sql,
                        (rs, n) -> new PolicyChange(
                                rs.getString("document_number"),
                                rs.getString("process_instance_id"),
                                rs.getString("region_code"),
                                rs.getInt("coverage_year"),
                                rs.getInt("version"),
                                rs.getString("figures_digest"),
                                State.valueOf(rs.getString("state"))),
                        documentNumber)
                .stream()
                .findFirst();
    }
}
