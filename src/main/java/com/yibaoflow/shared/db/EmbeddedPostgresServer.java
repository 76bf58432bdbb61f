package com.yibaoflow.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL server.
 *
 * <ul>
 *   <li>With a data directory (the default run): data persists there between runs, and the server stops when the
 *       application context closes, after the process engine and the connection pool.</li>
 *   <li>Without one (tests): a throw-away server, one per JVM, shared by every cached Spring context and stopped when
 *       the JVM exits.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgresServer throwAway;

    private final EmbeddedPostgres postgres;
    private final boolean sharedPerJvm;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean sharedPerJvm) {
        this.postgres = postgres;
        this.sharedPerJvm = sharedPerJvm;
    }

    static synchronized EmbeddedPostgresServer start(String dataDirectory) {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            if (throwAway == null) {
                // stopped by the library's JVM shutdown hook, after the test contexts are closed
                throwAway = new EmbeddedPostgresServer(launch(null), true);
            }
            return throwAway;
        }
        Path dir = Path.of(dataDirectory).toAbsolutePath().normalize();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(launch(dir), false);
        log.info("Embedded PostgreSQL started, data in {} ({})", dir, server.jdbcUrl());
        return server;
    }

    private static EmbeddedPostgres launch(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "Asia/Shanghai")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /** Spring calls this at context close; a per-JVM test server outlives the contexts that share it. */
    @Override
    public void close() {
        if (!sharedPerJvm) {
            stop();
        }
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
