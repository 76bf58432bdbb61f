package com.yibaoflow.audit;

import com.yibaoflow.audit.ChainVerification.Break;
import com.yibaoflow.audit.ChainVerification.CheckpointCheck;
import com.yibaoflow.audit.ChainVerification.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The signed checkpoints one verification checks against the chain (issue #20 §4): the stored ones, those only an
 * exported file still has (their row deleted), and those an auditor gives back with the request; and what comparing
 * the exported files with the stored checkpoints found.
 */
final class SignedCheckpoints {

    /** A checkpoint to check, and where it came from. */
    private record Signed(AuditCheckpoints.Checkpoint checkpoint, String file, boolean exported) {}

    private final List<Signed> signed;
    private final CheckpointExports.Comparison files;

    private SignedCheckpoints(List<Signed> signed, CheckpointExports.Comparison files) {
        this.signed = signed;
        this.files = files;
    }

    static SignedCheckpoints collect(
            List<AuditCheckpoints.Checkpoint> stored,
            CheckpointExports exports,
            List<AuditCheckpoints.Checkpoint> given) {
        CheckpointExports.Comparison files = exports.compare(stored);
        List<Signed> signed = new ArrayList<>();
        stored.forEach(c -> signed.add(new Signed(c, null, false)));
        files.notStored().forEach(f -> signed.add(new Signed(f.checkpoint(), f.file(), true)));
        given.forEach(c -> signed.add(new Signed(c, null, true)));
        return new SignedCheckpoints(signed, files);
    }

    /** The places in the chain whose hashes the walk must note. */
    Set<Long> chainSeqs() {
        Set<Long> seqs = new TreeSet<>();
        signed.forEach(s -> seqs.add(s.checkpoint().chainSeq()));
        return seqs;
    }

    /** Each checkpoint's signature and its head against the hash the chain has at its place ({@code null}: none). */
    List<CheckpointCheck> check(Map<Long, String> hashAt, String publicKey, Consumer<Break> breaks) {
        List<CheckpointCheck> checks = new ArrayList<>();
        for (Signed s : signed) {
            AuditCheckpoints.Checkpoint c = s.checkpoint();
            String problem = null;
            if (!c.publicKey().equals(publicKey) || !c.signatureValid()) {
                problem = "the signature is not the signing key's";
                breaks.accept(new Break(
                        Problem.CHECKPOINT_SIGNATURE_INVALID,
                        c.chainSeq(),
                        null,
                        null,
                        "checkpoint " + c.id() + ": " + problem));
            } else if (!c.headHash().equals(hashAt.get(c.chainSeq()))) {
                problem = hashAt.get(c.chainSeq()) == null
                        ? "the chain has no entry " + c.chainSeq() + " any more"
                        : "entry " + c.chainSeq() + " now hashes to " + hashAt.get(c.chainSeq());
                breaks.accept(new Break(
                        Problem.CHECKPOINT_MISMATCH,
                        c.chainSeq(),
                        null,
                        null,
                        "checkpoint " + c.id() + " signed " + c.headHash() + " at " + c.signedAt() + "; " + problem));
            }
            checks.add(new CheckpointCheck(
                    c.id(),
                    s.exported(),
                    s.file(),
                    c.chainSeq(),
                    c.headHash(),
                    c.signedAt(),
                    problem == null,
                    problem));
        }
        return checks;
    }

    List<CheckpointExports.ExportCheck> exportChecks() {
        return files.checks();
    }

    /** A missing, altered or orphaned export file, as breaks. */
    List<Break> exportProblems() {
        List<Break> breaks = new ArrayList<>();
        for (CheckpointExports.ExportCheck e : files.checks()) {
            Problem problem = switch (e.status()) {
                case OK -> null;
                case MISSING -> Problem.EXPORT_MISSING;
                case ALTERED -> Problem.EXPORT_ALTERED;
                case NOT_STORED -> Problem.CHECKPOINT_NOT_STORED;
            };
            if (problem != null) {
                breaks.add(new Break(problem, null, null, null, e.file() + ": " + e.detail()));
            }
        }
        return breaks;
    }
}
