package com.yibaoflow.monitoring;

import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.problem.DomainException;
import jakarta.annotation.PreDestroy;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims from the settlement system (issue #19 §1). The upload is kept ({@link KeptUploads}) and recorded RUNNING
 * with the parameters it runs with; then, in one transaction, the file is streamed row by row (constant memory), each
 * cell parsed once ({@link ClaimStaging}) and COPYed typed into a temporary table, the rules between cells and rows
 * are checked there set-based (every failed check a row error), and the good rows are upserted into {@code claim} on
 * the claim id: a claim already held with other figures is replaced and counted as corrected, one held with the same
 * figures is unchanged (a repeated file doubles nothing). The transaction's last statement marks the import
 * COMPLETED, only while this node still holds it.
 *
 * <p>Resumable (as the enrollment imports): the worker renews the import's heartbeat while it runs; a crash rolls the
 * whole transaction back (no claim and no row error of the import is left), the import stays RUNNING with its kept
 * file, and at start and every {@code yibaoflow.imports.resume-sweep} a node takes over the imports whose worker has
 * not reported for {@code yibaoflow.imports.lease} (or was released by an orderly stop) and runs them again.
 */
@Service
class ClaimImportService {

    private static final Logger log = LoggerFactory.getLogger(ClaimImportService.class);

    static final int MAX_REPORTED_ERRORS = 1000;
    private static final int COPY_BUFFER_CHARS = 256 * 1024;
    /** A run may be stopped (orderly shutdown) every this many rows while the file streams. */
    static final int STOP_CHECK_ROWS = 10_000;

    static final TableSchema CLAIMS = TableSchema.of(
            "claims file",
            ColumnSpec.required("claimId", "结算单号", "结算流水号", "结算编号", "单据号", "就诊流水号"),
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.required("regionCode", "参保地区划", "参保区划", "统筹区划", "行政区划代码", "区划代码"),
            ColumnSpec.required("settlementDate", "结算日期", "结算时间"),
            ColumnSpec.required("hospitalLevel", "医院等级", "医疗机构等级", "医院级别"),
            ColumnSpec.required("totalCost", "医疗总费用", "总费用", "费用总额"),
            ColumnSpec.required("policyScopeCost", "政策范围内费用", "政策范围内金额", "政策内费用"),
            ColumnSpec.optional("basicPaid", "基本医保支付", "统筹基金支付", "基本医疗保险统筹基金支出", "基本医保统筹支付"),
            ColumnSpec.optional("criticalIllnessPaid", "大病保险支付", "大病保险支出"),
            ColumnSpec.optional("assistancePaid", "医疗救助支付", "医疗救助支出", "医疗救助"),
            ColumnSpec.optional("rural", "是否农村居民", "农村居民"));

    /**
     * The rules between cells and rows, checked over the staged rows in one scan: {condition, field, reason}. The
     * cells themselves were read by {@link ClaimStaging} (a cell it could not read is null here and already an error).
     */
    private static final List<String[]> RULES = List.of(
            new String[] {
                "region_code is not null and region_code <> all (?::text[])",
                "regionCode",
                "'is not a region you may load claims for: ' || region_code"
            },
            new String[] {"settlement_date > ?", "settlementDate", "'is in the future: ' || settlement_date"},
            new String[] {"total_cost < 0", "totalCost", "'is negative'"},
            new String[] {"policy_scope_cost < 0", "policyScopeCost", "'is negative'"},
            new String[] {"policy_scope_cost > total_cost", "policyScopeCost", "'exceeds totalCost ' || total_cost"},
            new String[] {"basic_paid < 0", "basicPaid", "'is negative'"},
            new String[] {"critical_paid < 0", "criticalIllnessPaid", "'is negative'"},
            new String[] {"assistance_paid < 0", "assistancePaid", "'is negative'"},
            new String[] {
                "coalesce(basic_paid, 0) + coalesce(critical_paid, 0) + coalesce(assistance_paid, 0) > total_cost",
                "basicPaid",
                "'basic, critical-illness and assistance payments exceed totalCost ' || total_cost"
            });

    /**
     * One statement writes every row error: the cells {@link ClaimStaging} could not read, a claim id seen in an
     * earlier row of the file (a narrow sort by claim id, in memory), and the {@link #RULES} (plain comparisons; the
     * lateral list only for the rows that break one).
     */
    static final String CHECKS = """
            insert into yibao.claim_import_error (import_id, row_number, field, reason)
            select ?, row_number, split_part(p, U&'\\001F', 1), left(split_part(p, U&'\\001F', 2), 500)
            from claim_load cross join unnest(string_to_array(problems, U&'\\001E')) p
            where problems is not null
            union all
            select ?, row_number, 'claimId', 'same claim as row ' || first_row
            from (select row_number, min(row_number) over (partition by claim_id collate "C") as first_row
                  from claim_load where claim_id is not null) d
            where first_row < row_number
            union all
            select ?, s.row_number, e.field, left(e.reason, 500)
            from claim_load s cross join lateral (values %s) e(field, reason)
            where (%s) and e.field is not null""".formatted(
            String.join(
                    ", ",
                    RULES.stream()
                            .map(r -> "(case when " + r[0] + " then '" + r[1] + "' end, " + r[2] + ")")
                            .toList()),
            String.join(" or ", RULES.stream().map(r -> "(" + r[0] + ")").toList()));

    static final String UPSERT = """
            with up as (
                insert into yibao.claim (claim_id, id_number, region_code, settlement_date, hospital_level,
                    total_cost, policy_scope_cost, basic_paid, critical_paid, assistance_paid, rural, import_id)
                select claim_id, id_number, region_code, settlement_date, hospital_level, total_cost,
                       policy_scope_cost, basic_paid, critical_paid, assistance_paid, rural, ?
                from claim_load s
                where not exists (select 1 from yibao.claim_import_error e
                    where e.import_id = ? and e.row_number = s.row_number)
                on conflict (claim_id) do update set
                    id_number = excluded.id_number, region_code = excluded.region_code,
                    settlement_date = excluded.settlement_date, hospital_level = excluded.hospital_level,
                    total_cost = excluded.total_cost, policy_scope_cost = excluded.policy_scope_cost,
                    basic_paid = excluded.basic_paid, critical_paid = excluded.critical_paid,
                    assistance_paid = excluded.assistance_paid, rural = excluded.rural,
                    import_id = excluded.import_id, corrected_at = ?
                where (claim.id_number, claim.region_code, claim.settlement_date, claim.hospital_level,
                       claim.total_cost, claim.policy_scope_cost, claim.basic_paid, claim.critical_paid,
                       claim.assistance_paid, claim.rural)
                    is distinct from
                      (excluded.id_number, excluded.region_code, excluded.settlement_date,
                       excluded.hospital_level, excluded.total_cost, excluded.policy_scope_cost,
                       excluded.basic_paid, excluded.critical_paid, excluded.assistance_paid, excluded.rural)
                returning (xmax = 0) as inserted)
            select count(*) filter (where inserted), count(*) filter (where not inserted) from up""";

    record RowError(int rowNumber, String field, String reason) {}

    record Report(
            long importId,
            String fileName,
            String status,
            String failure,
            int rows,
            int accepted,
            int rejected,
            int inserted,
            int corrected,
            int unchanged,
            Long durationMs,
            int errorCount,
            List<RowError> errors) {}

    /** What a worker needs to (re)run an import. */
    record Work(long id, Path file, Set<String> regions, LocalDate asOf) {}

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final KeptUploads uploads;
    private final TaskExecutor workers;
    private final Clock clock;
    private final Duration lease;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claim-import-heartbeat");
        t.setDaemon(true);
        return t;
    });
    /** This node's name in {@code claim_import.worker}. */
    private final String worker = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();

    private volatile boolean stopping;

    ClaimImportService(
            JdbcTemplate jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            KeptUploads uploads,
            @Qualifier("importTaskExecutor") TaskExecutor workers,
            Clock clock,
            @Value("${yibaoflow.imports.lease:60s}") Duration lease) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactionManager);
        this.uploads = uploads;
        this.workers = workers;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Keeps the upload, checks that it is a claims file (a 400 naming {@code file} otherwise, and nothing is
     * recorded), records the import and runs it in this thread. {@code regions} are the region codes the uploader
     * may load claims for.
     */
    public Report importClaims(InputStream upload, String fileName, Set<String> regions, String userId) {
        Path file = uploads.keepTable(upload, "claims", CLAIMS);
        return run(record(file, fileName, regions, userId), () -> !stopping);
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

    /** Takes over the imports left RUNNING without a live worker and runs each again; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            initialDelayString = "${yibaoflow.imports.resume-sweep:30s}",
            fixedDelayString = "${yibaoflow.imports.resume-sweep:30s}")
    public int resumeOrphaned() {
        if (stopping) {
            return 0;
        }
        List<Work> orphaned = jdbc.query(
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
        for (Work w : orphaned) {
            log.info("Claims import {} is taken over and runs again from its kept file", w.id());
            workers.execute(() -> run(w, () -> !stopping));
        }
        return orphaned.size();
    }

    /** The context closes: a running import stops at its next check and is released for the next start. */
    @EventListener(ContextClosedEvent.class)
    void stopAtTheNextCheck() {
        stopping = true;
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    /**
     * Runs the import whole in one transaction. {@code keepGoing} is asked every {@link #STOP_CHECK_ROWS} rows and
     * between the phases (staged, checked, upserted); when it says no, the transaction rolls back and the import is
     * released, RUNNING, for the next sweep: what an orderly stop does, and what a crash leaves but the worker.
     */
    Report run(Work work, BooleanSupplier keepGoing) {
        long id = work.id();
        long started = System.nanoTime();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(
                () -> beat(id), lease.toMillis() / 4, Math.max(lease.toMillis() / 4, 1), TimeUnit.MILLISECONDS);
        try {
            int[] counts = tx.execute(status -> load(work, keepGoing, started));
            uploads.discard(work.file());
            log.info(
                    "Claims import {}: {} rows, {} rejected, {} new, {} corrected; committed after {} ms",
                    id,
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Stopped stopped) {
            jdbc.update("update yibao.claim_import set worker = null where id = ? and worker = ?", id, worker);
            log.info("Claims import {} stopped ({}); the next start runs it again", id, stopped.getMessage());
        } catch (TakenOver e) {
            log.warn("Claims import {} was taken over by another node; this run is rolled back", id);
        } catch (RuntimeException e) {
            String reason = e instanceof UncheckedIOException && !Files.exists(work.file())
                    ? "the uploaded file kept for this import is gone ("
                            + work.file().getFileName() + ")"
                    : String.valueOf(e.getMessage());
            fail(id, reason);
            uploads.discard(work.file());
            if (e instanceof NotATableException) {
                throw DomainException.invalidField("file", e.getMessage());
            }
            log.warn("Claims import {} failed: {}", id, reason, e);
            throw e;
        } finally {
            heartbeat.cancel(false);
        }
        return find(id).orElseThrow();
    }

    /** The transaction's work; returns {rows, rejected, inserted, corrected}. */
    private int[] load(Work work, BooleanSupplier keepGoing, long started) {
        long id = work.id();
        jdbc.execute("set local work_mem = '256MB'");
        jdbc.execute(ClaimStaging.CREATE);
        int rows = stage(work.file(), keepGoing);
        long staged = System.nanoTime();
        check(keepGoing, "staged");
        jdbc.update(
                CHECKS,
                ps -> { // the placeholders in statement order: the three import ids, the rules' in values, in where
                    int i = 1;
                    ps.setLong(i++, id);
                    ps.setLong(i++, id);
                    ps.setLong(i++, id);
                    java.sql.Array regions = ps.getConnection()
                            .createArrayOf("text", work.regions().toArray());
                    java.sql.Date today = java.sql.Date.valueOf(work.asOf());
                    for (int pass = 0; pass < 2; pass++) {
                        for (String[] rule : RULES) {
                            if (rule[0].contains("?")) {
                                ps.setObject(i++, rule[0].contains("text[]") ? regions : today);
                            }
                        }
                    }
                });
        long checked = System.nanoTime();
        check(keepGoing, "checked");
        int rejected = jdbc.queryForObject(
                "select count(distinct row_number) from yibao.claim_import_error where import_id = ?",
                Integer.class,
                id);
        int[] upserted = jdbc.queryForObject(
                UPSERT, (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, id, id, Timestamp.from(clock.instant()));
        long upsertedAt = System.nanoTime();
        check(keepGoing, "upserted");
        log.info(
                "Claims import {}: {} rows read and staged in {} ms, checked in {} ms, upserted in {} ms",
                id,
                rows,
                (staged - started) / 1_000_000,
                (checked - staged) / 1_000_000,
                (upsertedAt - checked) / 1_000_000);
        int accepted = rows - rejected;
        int done = jdbc.update(
                """
                update yibao.claim_import set status = 'COMPLETED', rows = ?, accepted = ?, rejected = ?,
                       inserted = ?, corrected = ?, unchanged = ?, duration_ms = ?, finished_at = ?,
                       file_path = null, worker = null
                where id = ? and worker = ? and status = 'RUNNING'""",
                rows,
                accepted,
                rejected,
                upserted[0],
                upserted[1],
                accepted - upserted[0] - upserted[1],
                (System.nanoTime() - started) / 1_000_000,
                Timestamp.from(clock.instant()),
                id,
                worker);
        if (done != 1) {
            throw new TakenOver();
        }
        return new int[] {rows, rejected, upserted[0], upserted[1]};
    }

    private static void check(BooleanSupplier keepGoing, String where) {
        if (!keepGoing.getAsBoolean()) {
            throw new Stopped(where);
        }
    }

    /** Streams the rows into claim_load through COPY, flushing every 256 K characters; returns the row count. */
    private int stage(Path file, BooleanSupplier keepGoing) {
        Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's connection
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(ClaimStaging.COPY);
            int[] rows = {0};
            ClaimStaging staging = new ClaimStaging();
            StringBuilder buffer = new StringBuilder(COPY_BUFFER_CHARS + 4096);
            try {
                TabularReader.read(file, CLAIMS, row -> {
                    staging.append(buffer, row);
                    if (buffer.length() >= COPY_BUFFER_CHARS) {
                        write(copy, buffer);
                    }
                    if (++rows[0] % STOP_CHECK_ROWS == 0) {
                        check(keepGoing, "after row " + row.rowNumber());
                    }
                });
                write(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return rows[0];
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into claim_load failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void write(CopyIn copy, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into claim_load failed: " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    /** Renews the heartbeat of a running import (its own short transaction, beside the import's). */
    private void beat(long id) {
        try {
            jdbc.update(
                    "update yibao.claim_import set heartbeat_at = now() where id = ? and worker = ? and status = 'RUNNING'",
                    id,
                    worker);
        } catch (RuntimeException e) {
            log.warn("Claims import {}: heartbeat failed: {}", id, e.getMessage());
        }
    }

    private void fail(long id, String reason) {
        jdbc.update("""
                update yibao.claim_import set status = 'FAILED', failure = left(?, 1000), finished_at = ?,
                       file_path = null, worker = null
                where id = ? and worker = ? and status = 'RUNNING'""", reason, Timestamp.from(clock.instant()), id, worker);
    }

    /** The import's record and its first {@link #MAX_REPORTED_ERRORS} row errors. */
    Optional<Report> find(long id) {
        List<RowError> errors = jdbc.query(
                """
                select row_number, field, reason from yibao.claim_import_error where import_id = ?
                order by row_number, field limit ?""", (rs, i) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)), id, MAX_REPORTED_ERRORS);
        return jdbc
                .query(
                        """
                        select i.*, (select count(*) from yibao.claim_import_error e where e.import_id = i.id) as errs
                        from yibao.claim_import i where id = ?""",
                        (rs, n) -> new Report(
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

    /** Ends a run before its commit (an orderly stop, or a test playing a crash); the import stays RUNNING. */
    private static final class Stopped extends RuntimeException {
        Stopped(String where) {
            super(where, null, false, false);
        }
    }

    /** Another node took the import over while this one ran (its heartbeat lapsed): this run rolls back. */
    private static final class TakenOver extends RuntimeException {
        TakenOver() {
            super("taken over", null, false, false);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
