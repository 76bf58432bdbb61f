package com.yibaoflow.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Signed checkpoints of the chain head (issue #20 §4): on demand and every night. The signed text is
 * {@code yibaoflow-audit-checkpoint|v1|<chain seq>|<head hash>|<signed at, UTC>}, Ed25519, Base64. Each is exported
 * to its file ({@link CheckpointExports}) once its row has committed.
 */
@Service
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    public record Checkpoint(
            long id,
            long chainSeq,
            String headHash,
            Instant signedAt,
            String signedBy,
            String algorithm,
            String signedText,
            String signature,
            String publicKey) {

        boolean signatureValid() {
            return CheckpointSigner.verify(signedText, signature, publicKey)
                    && signedText.equals(AuditCheckpoints.signedText(chainSeq, headHash, signedAt));
        }
    }

    private final JdbcTemplate jdbc;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final CheckpointExports exports;

    AuditCheckpoints(JdbcTemplate jdbc, CheckpointSigner signer, Clock clock, CheckpointExports exports) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.clock = clock;
        this.exports = exports;
    }

    static String signedText(long chainSeq, String headHash, Instant signedAt) {
        return "yibaoflow-audit-checkpoint|v1|" + chainSeq + "|" + headHash + "|" + ChainHash.micros(signedAt);
    }

    /** Signs the current head; the head row is locked meanwhile, so the head signed is the chain's. */
    @Transactional
    public Checkpoint create(String signedBy) {
        Map<String, Object> head =
                jdbc.queryForMap("select last_seq, last_hash from yibao.audit_chain_head where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue();
        String hash = (String) head.get("last_hash");
        Instant at = ChainHash.micros(clock.instant());
        String signature = signer.sign(signedText(seq, hash, at));
        String publicKey = signer.publicKey();
        Long id = jdbc.queryForObject(
                "insert into yibao.audit_checkpoint (chain_seq, head_hash, signed_at, signed_by, signature, public_key) "
                        + "values (?, ?, ?, ?, ?, ?) returning id",
                Long.class,
                seq,
                hash,
                Timestamp.from(at),
                signedBy,
                signature,
                publicKey);
        log.info("Signed audit checkpoint {} of the chain head {} ({})", id, seq, hash);
        Checkpoint checkpoint = new Checkpoint(
                id,
                seq,
                hash,
                at,
                signedBy,
                CheckpointSigner.ALGORITHM,
                signedText(seq, hash, at),
                signature,
                publicKey);
        // a file only for a committed row: a rolled-back checkpoint must not be left behind as an export
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                export(checkpoint);
            }
        });
        return checkpoint;
    }

    /** A failed export does not undo the signed checkpoint: the verification reports its file as missing. */
    private void export(Checkpoint checkpoint) {
        try {
            exports.write(checkpoint);
        } catch (RuntimeException e) {
            log.error(
                    "Checkpoint {} is signed but could not be exported to {}", checkpoint.id(), exports.directory(), e);
        }
    }

    /** A new export directory (first start with it, or moved): the checkpoints signed before are exported into it. */
    @EventListener(ApplicationReadyEvent.class)
    void exportEarlierCheckpoints() {
        if (exports.createdNow()) {
            all().forEach(this::export);
        }
    }

    /** Every night at 00:30 (Asia/Shanghai); {@code yibaoflow.audit.checkpoint-cron} changes it. */
    @Scheduled(cron = "${yibaoflow.audit.checkpoint-cron:0 30 0 * * *}", zone = "Asia/Shanghai")
    void nightly() {
        create("system");
    }

    public Optional<Checkpoint> latest() {
        return jdbc.query("select * from yibao.audit_checkpoint order by id desc limit 1", ROW).stream()
                .findFirst();
    }

    public List<Checkpoint> all() {
        return jdbc.query("select * from yibao.audit_checkpoint order by id", ROW);
    }

    /** A checkpoint as exported earlier, to be checked against the signing key (id 0: not one of ours stored). */
    Checkpoint exported(long chainSeq, String headHash, Instant signedAt, String signature) {
        Instant at = ChainHash.micros(signedAt);
        return new Checkpoint(
                0,
                chainSeq,
                headHash,
                at,
                null,
                CheckpointSigner.ALGORITHM,
                signedText(chainSeq, headHash, at),
                signature,
                signer.publicKey());
    }

    /** The public half of the signing key (X.509, Base64). */
    String publicKey() {
        return signer.publicKey();
    }

    private static final RowMapper<Checkpoint> ROW = (rs, i) -> {
        long seq = rs.getLong("chain_seq");
        String hash = rs.getString("head_hash");
        Instant at = rs.getTimestamp("signed_at").toInstant();
        return new Checkpoint(
                rs.getLong("id"),
                seq,
                hash,
                at,
                rs.getString("signed_by"),
                CheckpointSigner.ALGORITHM,
                signedText(seq, hash, at),
                rs.getString("signature"),
                rs.getString("public_key"));
    };
}
