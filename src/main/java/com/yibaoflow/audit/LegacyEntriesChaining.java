package com.yibaoflow.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Chains, once, the case history entries written before the chain existed (up to {@code legacy_upto_id}, fixed by
 * migration V56), in id order. Later entries without a place in the chain are left alone: the application did not
 * write them, and verification names them.
 *
 * <p>It runs as a Flyway callback after every migration, on Flyway's connection: as the owner of the schema, since the
 * application's own role may not update the case history (migration V57). With nothing left to chain it only reads
 * the head row.
 */
@Component
class LegacyEntriesChaining implements Callback {

    private static final Logger log = LoggerFactory.getLogger(LegacyEntriesChaining.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false; // it runs its own transaction
    }

    @Override
    public String getCallbackName() {
        return "audit-legacy-entries-chaining";
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // the head row stays locked until all is chained
            try {
                chain(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not chain the case history entries from before the chain", e);
        }
    }

    private void chain(JdbcTemplate jdbc) {
        var head = jdbc.queryForMap(
                "select last_seq, last_hash, legacy_upto_id from yibao.audit_chain_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue();
        String prev = (String) head.get("last_hash");
        List<ChainHash.Content> legacy = jdbc.query(
                "select id, event_id, business_key, rule_id, event, detail, recorded_by, recorded_at "
                        + "from yibao.case_history where chain_seq is null and id <= ? order by id",
                (rs, i) -> new ChainHash.Content(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()),
                ((Number) head.get("legacy_upto_id")).longValue());
        if (legacy.isEmpty()) {
            return;
        }
        for (ChainHash.Content row : legacy) {
            long id = row.chainSeq(); // the query put the row id there
            seq++;
            ChainHash.Content content = new ChainHash.Content(
                    seq,
                    row.eventId(),
                    row.businessKey(),
                    row.ruleId(),
                    row.event(),
                    row.detail(),
                    row.recordedBy(),
                    row.recordedAt());
            String hash = ChainHash.of(prev, content);
            jdbc.update(
                    "update yibao.case_history set chain_seq = ?, prev_hash = ?, hash = ?, recorded_at = ? where id = ?",
                    seq,
                    prev,
                    hash,
                    Timestamp.from(content.recordedAt()),
                    id);
            prev = hash;
        }
        jdbc.update("update yibao.audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
        log.info("Chained {} case history entries written before the hash chain", legacy.size());
    }
}
