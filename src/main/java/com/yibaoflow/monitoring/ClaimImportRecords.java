package com.yibaoflow.monitoring;

import com.yibaoflow.monitoring.ClaimImportService.Work;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of each claims import ({@code claim_import}) and who runs it: this node's name in {@code worker}, the
 * heartbeat, the take-over of imports whose worker is gone, completion only while this node still holds the import
 * (issue #19 §1, resumable imports).
 */
@Repository
class ClaimImportRecords {

    private static final Logger log = LoggerFactory.getLogger(ClaimImportRecords.class);

    static final int MAX_REPORTED_ERRORS = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** This node's name in {@code claim_import.worker}. */
    private final String worker = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();

    ClaimImportRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
                worker);
        return new Work(id, file, regions, asOf);
    }

    /** Takes over the imports left RUNNING whose worker was released or has not reported for {@code lease}. */
    List<Work> takeOrphaned(Duration lease) {
        return jdbc.query(
                """
                update yibao.claim_import set worker = ?, heartbeat_at = now()
                where id in (select id from yibao.claim_import
                             where status = 'RUNNING' and file_path is not null
                               and (worker is null or heartbeat_at < now() - make_interval(secs => ?))
                             for update skip locked)
                returning id, file_path, region_codes, as_of""",
                (rs, i) -> new Work(
                        rs.getLong("id"),
                        Path.of(rs.getString("file_path")),
                        Set.of(
                                rs.getString("region_codes").isEmpty()
                                        ? new String[0]
                                        : rs.getString("region_codes").split(",")),
                        rs.getDate("as_of").toLocalDate()),
                worker,
                (double) lease.toSeconds());
    }

    /** An orderly stop: the import stays RUNNING without a worker, for the next sweep. */
    void release(long id) {
        jdbc.update("update yibao.claim_import set worker = null where id = ? and worker = ?", id, worker);
    }

    /**
     * Marks the import COMPLETED with its counts {rows, accepted, rejected, inserted, corrected, unchanged}, in the
     * import's transaction; false when this node no longer holds it (taken over).
     */
    boolean complete(long id, int[] counts, long durationMs) {
        return jdbc.update(
                        """
                update yibao.claim_import set status = 'COMPLETED', rows = ?, accepted = ?, rejected = ?,
                       inserted = ?, corrected = ?, unchanged = ?, duration_ms = ?, finished_at = ?,
                       file_path = null, worker = null
                where id = ? and worker = ? and status = 'RUNNING'""",
                        counts[0],
                        counts[1],
                        counts[2],
                        counts[3],
                        counts[4],
                        counts[5],
                        durationMs,
                        Timestamp.from(clock.instant()),
                        id,
                        worker)
                == 1;
    }

    /** Renews the heartbeat of a running import (its own short transaction, beside the import's). */
    void beat(long id) {
        try {
            jdbc.update(
                    "update yibao.claim_import set heartbeat_at = now() where id = ? and worker = ? and status = 'RUNNING'",
                    id,
                    worker);
        } catch (RuntimeException e) {
            log.warn("Claims import {}: heartbeat failed: {}", id, e.getMessage());
        }
    }

    void fail(long id, String reason) {
        jdbc.update("""
                update yibao.claim_import set status = 'FAILED', failure = left(?, 1000), finished_at = ?,
                       file_path = null, worker = null
                where id = ? and worker = ? and status = 'RUNNING'""", reason, Timestamp.from(clock.instant()), id, worker);
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

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
