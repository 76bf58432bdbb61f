package com.yibaoflow.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL server.
 *
 * <ul>
 *   <li>With a data directory (the default run): data persists there between runs, and the server stops when the
 *       application context closes, after the process engine and the connection pool. The server is durable:
 *       {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} are on, so a committed transaction
 *       survives a power cut and the directory survives an OS crash. A postmaster left running on the directory by
 *       a killed run is stopped first (see {@link DataDirectoryGuard}).</li>
 *   <li>Without one (tests): a throw-away server, one per JVM, shared by every cached Spring context and stopped when
 *       the JVM exits. It keeps the library's fast settings (no fsync, asynchronous commit, no full-page writes):
 *       its data dies with the JVM anyway.</li>
 * </ul>
 *
 * <p>How the settings reach the server: the library starts {@code pg_ctl start -o "-p PORT -F -c key=value ..."},
 * always with {@code -F} (fsync off) first, and its builder puts {@code synchronous_commit=off} among the
 * {@code -c} options. PostgreSQL applies command-line options in order, so a later {@code -c fsync=on} overrides
 * {@code -F}, and {@link EmbeddedPostgres.Builder#setServerConfig} replaces the builder's own entries. Command-line
 * options also win over {@code postgresql.conf} and {@code ALTER SYSTEM}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The owner of the schema: Flyway migrates as this role (the server's superuser). */
    static final String USER = "postgres";

    /**
     * The role the application connects as (issue #20 §4): it reads and writes our tables, but may not update, delete
     * or truncate the audit tables (migration V57). It owns Camunda's tables, which the engine creates and upgrades.
     */
    public static final String APP_USER = "yibaoflow_app";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** Settings of the persistent server: nothing acknowledged is lost, the directory survives an OS crash. */
    static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /** Settings of the throw-away test server: its data dies with the JVM, so nothing is flushed. */
    static final Map<String, String> FAST = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off");

    /**
     * A JVM system property for diagnosis and benchmarks: {@code -Dyibaoflow.embedded-db.statement-statistics=true}
     * loads {@code pg_stat_statements} (among the embedded binaries) into the server, so that the owner can
     * {@code CREATE EXTENSION pg_stat_statements} and see the database's time per statement (docs/benchmarks.md).
     */
    public static final String STATEMENT_STATISTICS = "yibaoflow.embedded-db.statement-statistics";

    private static EmbeddedPostgresServer throwAway;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    static synchronized EmbeddedPostgresServer start(String dataDirectory) {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            if (throwAway == null) {
                // stopped by the library's JVM shutdown hook, after the test contexts are closed
                throwAway = new EmbeddedPostgresServer(launch(null, FAST), null);
                throwAway.createApplicationRole();
            }
            return throwAway;
        }
        Path dir = Path.of(dataDirectory).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the embedded PostgreSQL data directory " + dir, e);
        }
        DataDirectoryGuard.stopOrphanedPostmaster(dir);
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(launch(dir, DURABLE), dir);
        server.createApplicationRole();
        log.info(
                "Embedded PostgreSQL started, data in {} ({}), durable: fsync, synchronous_commit and "
                        + "full_page_writes on",
                dir,
                server.jdbcUrl());
        return server;
    }

    private static EmbeddedPostgres launch(Path dataDirectory, Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(Duration.ofSeconds(60));
            settings.forEach(builder::setServerConfig);
            if (Boolean.getBoolean(STATEMENT_STATISTICS)) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    /** The owner's (superuser's) URL: migrations, backups, administration. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /** The application's URL: connects as {@link #APP_USER}. */
    public String appJdbcUrl() {
        return postgres.getJdbcUrl(APP_USER, "postgres");
    }

    /**
     * Creates the application's role unless it exists, lets it create Camunda's tables in {@code public}, and hands it
     * the Camunda tables of a data directory from before the two roles (the engine's start-up creates indexes on
     * them, which only their owner may). Our schema's privileges are granted by migration V57.
     */
    private void createApplicationRole() {
        try (Connection c = DriverManager.getConnection(jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_USER + "') then "
                    + "create role " + APP_USER + " login; end if; end $$");
            s.execute("grant create, usage on schema public to " + APP_USER);
            s.execute("do $$ declare t record; begin for t in select tablename from pg_tables "
                    + "where schemaname = 'public' and tablename like 'act\\_%' and tableowner <> '" + APP_USER
                    + "' loop execute format('alter table public.%I owner to " + APP_USER + "', t.tablename); "
                    + "end loop; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the application's database role " + APP_USER, e);
        }
    }

    /** Spring calls this at context close; a per-JVM test server outlives the contexts that share it. */
    @Override
    public void close() {
        if (dataDirectory != null) {
            try {
                postgres.close();
                log.info("Embedded PostgreSQL stopped, data in {}", dataDirectory);
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
