package com.yibaoflow.monitoring;

import com.yibaoflow.monitoring.ClaimImportService.Work;
import com.yibaoflow.shared.imports.ImportLease;
import com.yibaoflow.shared.imports.ImportNode;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of each claims import ({@code claim_import}, issue #19 §1, resumable imports): recorded RUNNING on this
 * node, taken over by a node's sweep once its worker is gone, and COMPLETED only while its run still holds it, all
 * through {@link ImportNode} as the other imports.
 */
@Repository
class ClaimImportRecords {

    static final String TABLE = "yibao.claim_import";

    static final int MAX_REPORTED_ERRORS = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ImportNode node;

    ClaimImportRecords(JdbcTemplate jdbc, Clock clock, ImportNode node) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = node;
    }

    /** Records a new import of the kept {@code file}, RUNNING on this node, with the parameters it runs with. */
    Work record(Path file, String fileName, Set<String> regions, String userId) {
        LocalDate asOf = LocalDate.now(clock);
        Long id = jdbc.queryForObject(
                """
                insert into yibao.claim_import (file_name, uploaded_by, uploaded_at, status, region_codes, as_of,
                    file_path, worker, heartbeat_at)
                values (?, ?, ?, 'RUNNING', ?, ?, ?, ?, now()) returning id""",
                Long.class,
                fileName,
                userId,
                Timestamp.from(clock.instant()),
                String.join(",", new TreeSet<>(regions)),
                java.sql.Date.valueOf(asOf),
                file.toString(),
                node.worker());
        return new Work(ImportLease.first(TABLE, id), file, regions, asOf);
    }

    /** Takes over the imports left RUNNING whose worker is gone ({@link ImportNode#takeOver}). */
    List<Work> takeOver() {
        return node.takeOver(
                TABLE,
                "id, file_path, region_codes, as_of",
                (rs, i) -> new Work(
                        ImportLease.of(TABLE, rs),
                        Path.of(rs.getString("file_path")),
                        Set.of(
                                rs.getString("region_codes").isEmpty()
                                        ? new String[0]
                                        : rs.getString("region_codes").split(",")),
                        rs.getDate("as_of").toLocalDate()));
    }

    /**
     * Marks the import COMPLETED with its counts {rows, accepted, rejected, inserted, corrected, unchanged}, in the
     * import's transaction; {@link ImportLease.Lost} when its run no longer holds it (taken over).
     */
    void complete(ImportLease lease, int[] counts, long durationMs) {
        node.complete(
                lease,
                clock.instant(),
                "rows = ?, accepted = ?, rejected = ?, inserted = ?, corrected = ?, unchanged = ?, duration_ms = ?",
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                counts[5],
                durationMs);
    }

    /** The import's record and its first {@link #MAX_REPORTED_ERRORS} row errors. */
    Optional<ClaimImportService.Report> find(long id) {
        List<ClaimImportService.RowError> errors = jdbc.query(
                """
                select row_number, field, reason from yibao.claim_import_error where import_id = ?
                order by row_number, field limit ?""",
                (rs, i) -> new ClaimImportService.RowError(rs.getInt(1), rs.getString(2), rs.getString(3)),
                id,
                MAX_REPORTED_ERRORS);
        return jdbc
                .query(
                        """
                        select i.*, (select count(*) from yibao.claim_import_error e where e.import_id = i.id) as errs
                        from yibao.claim_import i where id = ?""",
                        (rs, n) -> new ClaimImportService.Report(
                                rs.getLong("id"),
                                rs.getString("file_name"),
                                rs.getString("status"),
                                rs.getString("failure"),
                                rs.getInt("rows"),
                                rs.getInt("accepted"),
                                rs.getInt("rejected"),
                                rs.getInt("inserted"),
                                rs.getInt("corrected"),
                                rs.getInt("unchanged"),
                                (Long) rs.getObject("duration_ms"),
                                rs.getInt("errs"),
                                errors),
                        id)
                .stream()
                .findFirst();
    }
}
