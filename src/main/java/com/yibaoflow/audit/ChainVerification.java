package com.yibaoflow.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-computes the case history's hash chain from the first entry to the head, checks the head row and every signed
 * checkpoint, and reports the first broken link (issue #20 §4).
 */
@Service
class ChainVerification {

    public enum Problem {
        /** The entry's content no longer gives its hash: it was changed after it was written. */
        ENTRY_ALTERED,
        /** The entry's previous hash is not the hash of the entry before it. */
        LINK_BROKEN,
        /** A place in the chain has no entry: it was deleted. */
        ENTRY_MISSING,
        /** An entry has no place in the chain: the application did not write it. */
        ENTRY_UNCHAINED,
        /** The chain head row does not name the last entry (entries removed from the end, or added behind it). */
        HEAD_MISMATCH,
        /** A signed checkpoint names a head the chain no longer has (deleted or recomputed entries). */
        CHECKPOINT_MISMATCH,
        /** A checkpoint's signature is not the signing key's. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** A stored checkpoint has no exported file. */
        EXPORT_MISSING,
        /** An exported file is unreadable or says something else than its stored checkpoint. */
        EXPORT_ALTERED,
        /** An exported file names a checkpoint the database no longer has. */
        CHECKPOINT_NOT_STORED
    }

    public record Break(Problem problem, Long chainSeq, Long entryId, String businessKey, String detail) {}

    /**
     * A checkpoint checked against the chain: one stored ({@code exported} false), one only in an exported file
     * ({@code file}) or one given with the request (id 0).
     */
    public record CheckpointCheck(
            long id,
            boolean exported,
            String file,
            long chainSeq,
            String headHash,
            Instant signedAt,
            boolean valid,
            String problem) {}

    public record Result(
            boolean intact,
            long entries,
            long headSeq,
            String headHash,
            Break firstBreak,
            List<CheckpointCheck> checkpoints,
            List<CheckpointExports.ExportCheck> exports,
            Instant verifiedAt) {}

    private final JdbcTemplate jdbc;
    private final AuditCheckpoints checkpoints;
    private final CheckpointExports exports;
    private final Clock clock;

    ChainVerification(JdbcTemplate jdbc, AuditCheckpoints checkpoints, CheckpointExports exports, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.exports = exports;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Result verify() {
        return verify(List.of());
    }

    /**
     * Also checks checkpoints exported earlier and kept outside the application (their signature against the signing
     * key's public half), which still count when the stored ones have been deleted with the entries. The exported
     * files must match the stored checkpoints, and a file whose checkpoint the database lost is checked as well.
     */
    @Transactional(readOnly = true)
    public Result verify(List<AuditCheckpoints.Checkpoint> exported) {
        SignedCheckpoints signed = SignedCheckpoints.collect(checkpoints.all(), exports, exported);
        Map<Long, String> hashAt = new HashMap<>();
        signed.chainSeqs().forEach(seq -> hashAt.put(seq, null));

        var walk = new Object() {
            long expectedSeq = 1;
            String prev = ChainHash.GENESIS;
            long entries;
            Break first;

            void breakAt(Break b) {
                if (first == null) {
                    first = b;
                }
            }
        };
        // a cursor (inside this transaction), not the whole table in memory
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(1000);
        cursor.query(
                "select id, event_id, business_key, rule_id, event, detail, recorded_by, recorded_at, chain_seq, "
                        + "prev_hash, hash from yibao.case_history where chain_seq is not null order by chain_seq",
                rs -> {
                    long id = rs.getLong(1);
                    long seq = rs.getLong(9);
                    String businessKey = rs.getString(3);
                    String prevHash = rs.getString(10);
                    String hash = rs.getString(11);
                    walk.entries++;
                    if (seq != walk.expectedSeq) {
                        walk.breakAt(new Break(
                                Problem.ENTRY_MISSING,
                                walk.expectedSeq,
                                null,
                                null,
                                "entries " + walk.expectedSeq + "…" + (seq - 1) + " are missing"));
                    }
                    if (!walk.prev.equals(prevHash)) {
                        walk.breakAt(new Break(
                                Problem.LINK_BROKEN,
                                seq,
                                id,
                                businessKey,
                                "previous hash " + prevHash + " is not the hash " + walk.prev
                                        + " of the entry before"));
                    }
                    ChainHash.Content content = new ChainHash.Content(
                            seq,
                            rs.getObject(2, UUID.class),
                            businessKey,
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getTimestamp(8).toInstant());
                    String recomputed = ChainHash.of(prevHash == null ? "" : prevHash, content);
                    if (!recomputed.equals(hash)) {
                        walk.breakAt(new Break(
                                Problem.ENTRY_ALTERED,
                                seq,
                                id,
                                businessKey,
                                "stored hash " + hash + ", content hashes to " + recomputed));
                    }
                    if (hashAt.containsKey(seq)) {
                        hashAt.put(seq, hash);
                    }
                    walk.prev = hash;
                    walk.expectedSeq = seq + 1;
                });
        long lastSeq = walk.expectedSeq - 1;

        List<Map<String, Object>> unchained =
                jdbc.queryForList("select h.id, h.business_key from yibao.case_history h, yibao.audit_chain_head c "
                        + "where h.chain_seq is null and h.id > c.legacy_upto_id order by h.id limit 1");
        if (!unchained.isEmpty()) {
            walk.breakAt(new Break(
                    Problem.ENTRY_UNCHAINED,
                    null,
                    ((Number) unchained.get(0).get("id")).longValue(),
                    (String) unchained.get(0).get("business_key"),
                    "an entry without a place in the chain"));
        }

        Map<String, Object> head =
                jdbc.queryForMap("select last_seq, last_hash from yibao.audit_chain_head where id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        String headHash = (String) head.get("last_hash");
        if (headSeq != lastSeq || !headHash.equals(walk.prev)) {
            walk.breakAt(new Break(
                    Problem.HEAD_MISMATCH,
                    headSeq,
                    null,
                    null,
                    "the head names entry " + headSeq + " (" + headHash + "), the chain ends at " + lastSeq + " ("
                            + walk.prev + ")"));
        }

        List<CheckpointCheck> checks = signed.check(hashAt, checkpoints.publicKey(), walk::breakAt);
        signed.exportProblems().forEach(walk::breakAt);
        return new Result(
                walk.first == null,
                walk.entries,
                headSeq,
                headHash,
                walk.first,
                checks,
                signed.exportChecks(),
                clock.instant());
    }
}
