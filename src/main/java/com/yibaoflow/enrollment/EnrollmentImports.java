package com.yibaoflow.enrollment;

import com.yibaoflow.shared.imports.ImportLease;
import com.yibaoflow.shared.imports.ImportNode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Background imports (township rosters, payment files, registries) and their rejected rows: written while an import runs, read by the status endpoint. */
@Repository
class EnrollmentImports {

    public record ImportStatus(
            long id,
            String kind,
            String fileName,
            String regionCode,
            Integer coverageYear,
            String status,
            int total,
            int processed,
            int started,
            int unchanged,
            int rejected,
            String failure,
            String createdBy,
            Instant createdAt,
            Instant finishedAt) {}

    public record RowError(int rowNumber, String field, String reason) {}

    /** What a worker needs to (re)start an import: its lease, file, parameters, and how far it has committed. */
    record Work(
            ImportLease lease,
            String kind,
            Path file,
            String regionCode,
            Integer coverageYear,
            String township,
            String userId,
            int total,
            int processed,
            int started,
            int unchanged,
            int rejected,
            int committedRow) {

        long id() {
            return lease.id();
        }
    }

    /** A new import's work: nothing done yet. */
    static Work fresh(
            long id, String kind, Path file, String regionCode, Integer coverageYear, String township, String userId) {
        return new Work(
                ImportLease.first(TABLE, id), kind, file, regionCode, coverageYear, township, userId, 0, 0, 0, 0, 0, 0);
    }

    private final JdbcTemplate jdbc;
    private final ImportNode node;

    EnrollmentImports(JdbcTemplate jdbc, ImportNode node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** Records a new import, RUNNING on this worker, with the kept file it reads. */
    long create(
            String kind,
            String fileName,
            String regionCode,
            Integer coverageYear,
            String township,
            Path file,
            String userId,
            String worker,
            Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                    insert into yibao.enrollment_import (kind, file_name, region_code, coverage_year, township,
                        file_path, status, created_by, created_at, worker, heartbeat_at)
                    values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, now())""", Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, kind);
                    ps.setString(2, fileName);
                    ps.setString(3, regionCode);
                    ps.setObject(4, coverageYear, java.sql.Types.INTEGER);
                    ps.setString(5, township);
                    ps.setString(6, file.toString());
                    ps.setString(7, userId);
                    ps.setTimestamp(8, Timestamp.from(createdAt));
                    ps.setString(9, worker);
                    return ps;
                },
                key);
        return ((Number) key.getKeys().get("id")).longValue();
    }

    static final String TABLE = "yibao.enrollment_import";

    /** Takes over the RUNNING imports no worker looks after (see {@link ImportNode#takeOver}). */
    List<Work> claimOrphaned() {
        return node.takeOver(
                TABLE,
                "id, kind, file_path, region_code, coverage_year, township, created_by, total, processed, started, "
                        + "unchanged, rejected, committed_row",
                (rs, i) -> new Work(
                        ImportLease.of(TABLE, rs),
                        rs.getString("kind"),
                        Path.of(rs.getString("file_path")),
                        rs.getString("region_code"),
                        (Integer) rs.getObject("coverage_year"),
                        rs.getString("township"),
                        rs.getString("created_by"),
                        rs.getInt("total"),
                        rs.getInt("processed"),
                        rs.getInt("started"),
                        rs.getInt("unchanged"),
                        rs.getInt("rejected"),
                        rs.getInt("committed_row")));
    }

    /**
     * Records the counters and the new row errors up to {@code committedRow} in the caller's transaction (see
     * {@link ResumableImports}), and renews the heartbeat; only while the run still holds the import, otherwise
     * {@link ImportLease.Lost} rolls that transaction back ({@link ImportNode#renew}).
     */
    void progress(ImportLease lease, ImportKind.Counters counters, int committedRow) {
        node.renew(
                lease,
                "total = ?, processed = ?, started = ?, unchanged = ?, rejected = ?, committed_row = ?",
                counters.total,
                counters.processed,
                counters.succeeded,
                counters.unchanged,
                counters.rejected,
                committedRow);
        if (!counters.errors.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into yibao.enrollment_import_error (import_id, row_number, field, reason) "
                            + "values (?, ?, ?, ?)",
                    counters.errors,
                    500,
                    (ps, e) -> {
                        ps.setLong(1, lease.id());
                        ps.setInt(2, e.rowNumber());
                        ps.setString(3, e.field());
                        ps.setString(4, e.reason().length() > 500 ? e.reason().substring(0, 500) : e.reason());
                    });
        }
    }

    public Optional<ImportStatus> find(long id) {
        return jdbc
                .query(
                        "select * from yibao.enrollment_import where id = ?",
                        (rs, i) -> new ImportStatus(
                                rs.getLong("id"),
                                rs.getString("kind"),
                                rs.getString("file_name"),
                                rs.getString("region_code"),
                                (Integer) rs.getObject("coverage_year"),
                                rs.getString("status"),
                                rs.getInt("total"),
                                rs.getInt("processed"),
                                rs.getInt("started"),
                                rs.getInt("unchanged"),
                                rs.getInt("rejected"),
                                rs.getString("failure"),
                                rs.getString("created_by"),
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("finished_at") == null
                                        ? null
                                        : rs.getTimestamp("finished_at").toInstant()),
                        id)
                .stream()
                .findFirst();
    }

    public List<RowError> errors(long id, int offset, int limit) {
        return jdbc.query(
                "select row_number, field, reason from yibao.enrollment_import_error where import_id = ? "
                        + "order by row_number, id offset ? limit ?",
                (rs, i) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)),
                id,
                offset,
                limit);
    }
}
