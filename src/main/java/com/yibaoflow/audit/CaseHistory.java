package com.yibaoflow.audit;

import com.yibaoflow.shared.events.CaseEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Repository;

/**
 * The readable history of a case for auditors: who decided what, under which rule, and why — the decisions and
 * events the process history alone does not explain (a review's reason, a payment's outcome, what a roster change
 * meant for a paid enrollment). Entries are never changed or removed.
 *
 * <p>No feature writes here: every module publishes its facts as {@link CaseEvent}s and this listener records each
 * once, after the publishing transaction has committed. The event publication registry keeps an event until this
 * listener has succeeded and delivers it again after a restart; the unique event id makes the second delivery a
 * no-op.
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

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CaseHistory(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseEvent event) {
        String detail = event.summary();
        jdbc.update(
                "insert into yibao.case_history (event_id, business_key, rule_id, event, detail, recorded_by, "
                        + "recorded_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                event.eventId(),
                event.businessKey(),
                event.ruleId(),
                event.kind(),
                detail.length() > 2000 ? detail.substring(0, 2000) : detail,
                event.actor(),
                Timestamp.from(event.occurredAt()));
    }

    public void record(String businessKey, String ruleId, String event, String detail, String recordedBy) {
        jdbc.update(
                "insert into yibao.case_history (business_key, rule_id, event, detail, recorded_by, recorded_at) "
                        + "values (?, ?, ?, ?, ?, ?)",
                businessKey,
                ruleId,
                event,
                detail.length() > 2000 ? detail.substring(0, 2000) : detail,
                recordedBy,
                Timestamp.from(clock.instant()));
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
