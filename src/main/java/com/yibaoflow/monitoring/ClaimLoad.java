package com.yibaoflow.monitoring;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * One run of a claims import inside its transaction ({@link ClaimImportService} holds the transaction, the heartbeat
 * and what a failure leaves): the file streamed into {@code claim_load} ({@link ClaimStaging}), the set-based checks
 * and the upsert ({@link ClaimLoadSql}), and the import marked COMPLETED only while this run still holds it (else {@link
 * com.yibaoflow.shared.imports.ImportLease.Lost} rolls the transaction back). Between
 * the phases, and every {@link #STOP_CHECK_ROWS} rows, it asks whether to go on, and ends the run by {@link Stopped}
 * when not.
 */
@Component
class ClaimLoad {

    private static final Logger log = LoggerFactory.getLogger(ClaimLoad.class);

    /** A run may be stopped (orderly shutdown) every this many rows while the file streams. */
    static final int STOP_CHECK_ROWS = 10_000;

    private final JdbcTemplate jdbc;
    private final ClaimImportRecords records;
    private final DataSource dataSource;
    private final Clock clock;

    ClaimLoad(JdbcTemplate jdbc, ClaimImportRecords records, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The transaction's work; returns {rows, rejected, inserted, corrected}. */
    int[] load(ClaimImportService.Work work, BooleanSupplier keepGoing, long started) {
        long id = work.id();
        jdbc.execute("set local work_mem = '256MB'");
        jdbc.execute(ClaimStaging.CREATE);
        int rows = stage(work.file(), keepGoing);
        long staged = System.nanoTime();
        check(keepGoing, "staged");
        ClaimLoadSql.check(jdbc, id, work.regions(), work.asOf());
        long checked = System.nanoTime();
        check(keepGoing, "checked");
        int rejected = jdbc.queryForObject(
                "select count(distinct row_number) from yibao.claim_import_error where import_id = ?",
                Integer.class,
                id);
        int[] upserted = ClaimLoadSql.upsert(jdbc, id, Timestamp.from(clock.instant()));
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
        records.complete(
                work.lease(),
                new int[] {rows, accepted, rejected, upserted[0], upserted[1], accepted - upserted[0] - upserted[1]},
                (System.nanoTime() - started) / 1_000_000);
        return new int[] {rows, rejected, upserted[0], upserted[1]};
    }

    private static void check(BooleanSupplier keepGoing, String where) {
        if (!keepGoing.getAsBoolean()) {
            throw new Stopped(where);
        }
    }

    /** Streams the file into claim_load on the transaction's connection; returns the row count. */
    private int stage(Path file, BooleanSupplier keepGoing) {
        Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's connection
        try {
            return ClaimStaging.copy(
                    connection, file, STOP_CHECK_ROWS, rowNumber -> check(keepGoing, "after row " + rowNumber));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Ends a run before its commit (an orderly stop, or a test playing a crash); the import stays RUNNING. */
    static final class Stopped extends RuntimeException {
        Stopped(String where) {
            super(where, null, false, false);
        }
    }
}
