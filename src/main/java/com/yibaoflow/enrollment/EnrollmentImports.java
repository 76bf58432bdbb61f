package com.yibaoflow.enrollment;

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

/** Roster imports and their rejected rows: written while an import runs, read by the status endpoint. */
@Repository
class EnrollmentImports {

    public record ImportStatus(
            long id,
            String fileName,
            String regionCode,
            Integer coverageYear,
            String status,
            int total,
            int processed,
            int started,
            int rejected,
            String failure,
            String createdBy,
            Instant createdAt,
            Instant finishedAt) {}

    public record RowError(int rowNumber, String field, String reason) {}

    private final JdbcTemplate jdbc;

    EnrollmentImports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long create(String fileName, String regionCode, int coverageYear, String userId, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                    insert into yibao.enrollment_import (file_name, region_code, coverage_year, status, created_by, created_at)
                    values (?, ?, ?, 'RUNNING', ?, ?)""", Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, fileName);
                    ps.setString(2, regionCode);
                    ps.setInt(3, coverageYear);
                    ps.setString(4, userId);
                    ps.setTimestamp(5, Timestamp.from(now));
                    return ps;
                },
                key);
        return ((Number) key.getKeys().get("id")).longValue();
    }

    void progress(long id, int total, int processed, int started, int rejected, List<RowError> newErrors) {
        if (!newErrors.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into yibao.enrollment_import_error (import_id, row_number, field, reason) "
                            + "values (?, ?, ?, ?)",
                    newErrors,
                    500,
                    (ps, e) -> {
                        ps.setLong(1, id);
                        ps.setInt(2, e.rowNumber());
                        ps.setString(3, e.field());
                        ps.setString(4, e.reason().length() > 500 ? e.reason().substring(0, 500) : e.reason());
                    });
        }
        jdbc.update(
                "update yibao.enrollment_import set total = ?, processed = ?, started = ?, rejected = ? where id = ?",
                total,
                processed,
                started,
                rejected,
                id);
    }

    void finish(long id, String status, String failure, Instant now) {
        jdbc.update(
                "update yibao.enrollment_import set status = ?, failure = ?, finished_at = ? where id = ?",
                status,
                failure,
                Timestamp.from(now),
                id);
    }

    public Optional<ImportStatus> find(long id) {
        return jdbc
                .query(
                        "select * from yibao.enrollment_import where id = ?",
                        (rs, i) -> new ImportStatus(
                                rs.getLong("id"),
                                rs.getString("file_name"),
                                rs.getString("region_code"),
                                (Integer) rs.getObject("coverage_year"),
                                rs.getString("status"),
                                rs.getInt("total"),
                                rs.getInt("processed"),
                                rs.getInt("started"),
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
