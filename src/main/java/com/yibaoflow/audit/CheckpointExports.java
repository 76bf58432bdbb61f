package com.yibaoflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signed checkpoints exported to files (issue #20 §4), one {@code checkpoint-<id>.json} per checkpoint in
 * {@code yibaoflow.audit.checkpoint-export-dir}, written atomically (a temporary file in the same directory, forced to
 * disk, then moved over the name), so a reader never sees half a file. Keep the directory where the database's
 * administrators cannot write (another machine, a write-once share): a chain recomputed after deleting entries, and the
 * stored checkpoint rows deleted with them, still disagrees with the files. A blank directory means one throw-away
 * directory per JVM (the tests, whose database is one per JVM too).
 */
@Component
class CheckpointExports {

    /** What comparing the files with the stored checkpoints found for one checkpoint or file. */
    public enum Status {
        /** The file and the stored checkpoint agree. */
        OK,
        /** A stored checkpoint has no file. */
        MISSING,
        /** The file is unreadable or says something else than the stored checkpoint. */
        ALTERED,
        /** A file names a checkpoint the database no longer has (its row was deleted). */
        NOT_STORED
    }

    public record ExportCheck(String file, long checkpointId, Status status, String detail) {}

    /** A file read back: its checkpoint, or why it could not be read. */
    record Exported(String file, AuditCheckpoints.Checkpoint checkpoint, String unreadable) {}

    /** The checks, and the files' checkpoints the database does not have (to be checked against the chain). */
    record Comparison(List<ExportCheck> checks, List<Exported> notStored) {}

    private final Path directory;
    private final boolean createdNow;
    private final ObjectMapper json;

    CheckpointExports(
            @Value("${yibaoflow.audit.checkpoint-export-dir:./data/audit/checkpoints}") String directory,
            ObjectMapper json) {
        this.directory = directory.isBlank()
                ? Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "yibaoflow-checkpoints-" + ProcessHandle.current().pid())
                : Path.of(directory);
        this.json = json;
        this.createdNow = Files.notExists(this.directory);
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint export directory " + this.directory, e);
        }
    }

    Path directory() {
        return directory;
    }

    /** Whether the directory did not exist before this start: the checkpoints signed before are to be exported. */
    boolean createdNow() {
        return createdNow;
    }

    static String fileName(long checkpointId) {
        return String.format(Locale.ROOT, "checkpoint-%010d.json", checkpointId);
    }

    /** Writes the checkpoint's file atomically: temporary file, forced to disk, moved over the name. */
    void write(AuditCheckpoints.Checkpoint checkpoint) {
        Path target = directory.resolve(fileName(checkpoint.id()));
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, ".checkpoint-", ".tmp");
            byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint);
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(bytes));
                out.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot export checkpoint " + checkpoint.id() + " to " + target, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // moved already, or unwritable: the next export overwrites nothing of it
                }
            }
        }
    }

    /** Every exported file, by name. */
    List<Exported> read() {
        List<Exported> files = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(directory, "checkpoint-*.json")) {
            for (Path file : found) {
                String name = file.getFileName().toString();
                try {
                    files.add(
                            new Exported(name, json.readValue(file.toFile(), AuditCheckpoints.Checkpoint.class), null));
                } catch (IOException | RuntimeException e) {
                    files.add(new Exported(
                            name, null, "unreadable: " + e.getClass().getSimpleName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint export directory " + directory, e);
        }
        files.sort(java.util.Comparator.comparing(Exported::file));
        return files;
    }

    /** Compares the files with the stored checkpoints: each stored one must have its file, saying the same. */
    Comparison compare(List<AuditCheckpoints.Checkpoint> stored) {
        Map<String, Exported> files = new HashMap<>();
        read().forEach(f -> files.put(f.file(), f));
        List<ExportCheck> checks = new ArrayList<>();
        for (AuditCheckpoints.Checkpoint c : stored) {
            String name = fileName(c.id());
            Exported file = files.remove(name);
            if (file == null) {
                checks.add(new ExportCheck(name, c.id(), Status.MISSING, "checkpoint " + c.id() + " has no export"));
            } else if (file.checkpoint() == null) {
                checks.add(new ExportCheck(name, c.id(), Status.ALTERED, file.unreadable()));
            } else if (!file.checkpoint().equals(c)) {
                checks.add(new ExportCheck(
                        name, c.id(), Status.ALTERED, "differs in " + differences(file.checkpoint(), c)));
            } else {
                checks.add(new ExportCheck(name, c.id(), Status.OK, null));
            }
        }
        List<Exported> notStored = new ArrayList<>();
        for (Exported file : new TreeMap<>(files).values()) {
            long id = file.checkpoint() == null ? 0 : file.checkpoint().id();
            boolean named = file.checkpoint() != null && file.file().equals(fileName(id));
            checks.add(new ExportCheck(
                    file.file(),
                    id,
                    named ? Status.NOT_STORED : Status.ALTERED,
                    named
                            ? "the database has no checkpoint " + id
                            : file.unreadable() != null ? file.unreadable() : "its name is not its checkpoint's"));
            if (named) {
                notStored.add(file);
            }
        }
        return new Comparison(checks, notStored);
    }

    private static String differences(AuditCheckpoints.Checkpoint a, AuditCheckpoints.Checkpoint b) {
        Map<String, Boolean> same = new java.util.LinkedHashMap<>();
        same.put("chainSeq", a.chainSeq() == b.chainSeq());
        same.put("headHash", a.headHash().equals(b.headHash()));
        same.put("signedAt", a.signedAt().equals(b.signedAt()));
        same.put("signedBy", java.util.Objects.equals(a.signedBy(), b.signedBy()));
        same.put("signedText", java.util.Objects.equals(a.signedText(), b.signedText()));
        same.put("signature", java.util.Objects.equals(a.signature(), b.signature()));
        same.put("publicKey", java.util.Objects.equals(a.publicKey(), b.publicKey()));
        Set<String> differing = same.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return differing.isEmpty() ? "algorithm or id" : String.join(", ", differing);
    }
}
