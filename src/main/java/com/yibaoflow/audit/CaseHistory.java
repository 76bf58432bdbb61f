package com.yibaoflow.audit;

import com.yibaoflow.shared.events.CaseEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The readable history of a case for auditors: who decided what, under which rule, and why — the decisions and
 * events the process history alone does not explain (a review's reason, a payment's outcome, what a roster change
 * meant for a paid enrollment). Entries are never changed or removed.
 *
 * <p>No feature writes here: every module publishes its facts as {@link CaseEvent}s and this listener records each
 * once, after the publishing transaction has committed. The event publication registry keeps an event until this
 * listener has succeeded and delivers it again after a restart; the unique event id makes the second delivery a
 * no-op.
 *
 * <p>Issue #20 §4: every entry is appended to one hash chain ({@link ChainHash}). An append locks the chain head row
 * ({@code audit_chain_head}, {@code FOR UPDATE}) until its transaction ends, so concurrent listeners append one after
 * the other: each entry's {@code prev_hash} is the hash of the entry before it.
 */
@Repository
public class CaseHistory {

    public record Entry(
            long id,
            String businessKey,
            String ruleId,
            String event,
            String detail,
            String recordedBy,
            Instant recordedAt) {}

    static final int MAX_DETAIL = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseEvent event) {
        append(
                event.eventId(),
                event.businessKey(),
                event.ruleId(),
                event.kind(),
                event.summary(),
                event.actor(),
                event.occurredAt());
    }

    @Transactional
    public void record(String businessKey, String ruleId, String event, String detail, String recordedBy) {
        append(null, businessKey, ruleId, event, detail, recordedBy, clock.instant());
    }

    /** Appends the entry to the chain unless an entry with the event id is there already. */
    private void append(
            UUID eventId,
            String businessKey,
            String ruleId,
            String event,
            String detail,
            String recordedBy,
            Instant recordedAt) {
        Map<String, Object> head =
                jdbc.queryForMap("select last_seq, last_hash from yibao.audit_chain_head where id = 1 for update");
        // under the head lock no other append runs: the check cannot race with a second delivery
        if (eventId != null
                && !jdbc.queryForList("select 1 from yibao.case_history where event_id = ?", eventId)
                        .isEmpty()) {
            return;
        }
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String prev = ((String) head.get("last_hash"));
        ChainHash.Content content = new ChainHash.Content(
                seq, eventId, businessKey, ruleId, event, cut(detail), recordedBy, ChainHash.micros(recordedAt));
        String hash = ChainHash.of(prev, content);
        jdbc.update(
                "insert into yibao.case_history (event_id, business_key, rule_id, event, detail, recorded_by, "
                        + "recorded_at, chain_seq, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                eventId,
                businessKey,
                ruleId,
                event,
                content.detail(),
                recordedBy,
                Timestamp.from(content.recordedAt()),
                seq,
                prev,
                hash);
        jdbc.update("update yibao.audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
    }

    /** The detail as stored: at most {@value #MAX_DETAIL} characters, never cutting a character in two. */
    static String cut(String detail) {
        if (detail.codePointCount(0, detail.length()) <= MAX_DETAIL) {
            return detail;
        }
        return detail.substring(0, detail.offsetByCodePoints(0, MAX_DETAIL));
    }

    public List<Entry> of(String businessKey) {
        return jdbc.query(
                "select id, business_key, rule_id, event, detail, recorded_by, recorded_at "
                        + "from yibao.case_history where business_key = ? order by recorded_at, id",
                (rs, i) -> new Entry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()),
                businessKey);
    }
}
