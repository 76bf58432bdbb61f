package com.yibaoflow.hardship;

import com.yibaoflow.shared.imports.ImportLease;
import com.yibaoflow.shared.imports.ImportNode;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The department roster imports (issue #16 §3): each upload recorded RUNNING with its kept file and the parameters
 * it runs with, until the transaction that writes its version marks it COMPLETED (or a failure FAILED).
 */
@Repository
class RosterImports {

    static final String TABLE = "yibao.roster_import";

    private static final String COLUMNS =
            "id, department, region_code, as_of, file_name, uploaded_by, uploaded_at, file_path";

    /** What a worker needs to (re)run an import: its lease, parameters and kept file. */
    record Work(
            ImportLease lease,
            String department,
            String regionCode,
            LocalDate asOf,
            String fileName,
            String userId,
            Instant uploadedAt,
            Path file) {

        long id() {
            return lease.id();
        }
    }

    private static final RowMapper<Work> WORK = (rs, i) -> new Work(
            ImportLease.of(TABLE, rs),
            rs.getString("department"),
            rs.getString("region_code"),
            rs.getDate("as_of").toLocalDate(),
            rs.getString("file_name"),
            rs.getString("uploaded_by"),
            rs.getTimestamp("uploaded_at").toInstant(),
            Path.of(rs.getString("file_path")));

    private final JdbcTemplate jdbc;
    private final ImportNode node;

    RosterImports(JdbcTemplate jdbc, ImportNode node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** Records a new import of the kept {@code file}, RUNNING on this node. */
    Work record(
            String department,
            String regionCode,
            LocalDate asOf,
            String fileName,
            String userId,
            Instant uploadedAt,
            Path file) {
        return jdbc.queryForObject(
                """
                insert into yibao.roster_import (department, region_code, as_of, file_name, uploaded_by, uploaded_at,
                    status, file_path, worker, heartbeat_at)
                values (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, now()) returning %s, lease_generation""".formatted(COLUMNS),
                WORK,
                department,
                regionCode,
                Date.valueOf(asOf),
                fileName,
                userId,
                Timestamp.from(uploadedAt),
                file.toString(),
                node.worker());
    }

    /** Takes over the RUNNING imports whose worker is gone ({@link ImportNode#takeOver}). */
    List<Work> takeOverOrphaned() {
        return node.takeOver(TABLE, COLUMNS, WORK);
    }

    /**
     * The import's last statement, in its transaction: COMPLETED with its version, only while the run still holds it;
     * otherwise {@link ImportLease.Lost} (another node has taken it over: this run must roll back).
     */
    void complete(ImportLease lease, long versionId, Instant now) {
        node.complete(lease, now, "version_id = ?", versionId);
    }

    Optional<Map<String, Object>> find(long id) {
        return jdbc.queryForList("""
                        select id, department, region_code, as_of, file_name, uploaded_by, uploaded_at, status,
                               version_id, failure, finished_at
                        from yibao.roster_import where id = ?""", id).stream().findFirst();
    }
}
