package com.yibaoflow.shared.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Child JVM of {@link OrphanedPostmasterTests}: starts the persistent server on the given directory, commits a row,
 * prints READY and waits to be killed.
 */
public final class PersistentServerChild {

    private PersistentServerChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(args[0]);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("create table acknowledged (id int primary key, v text)");
            s.execute("insert into acknowledged values (1, '已确认缴费')");
        }
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }
}
