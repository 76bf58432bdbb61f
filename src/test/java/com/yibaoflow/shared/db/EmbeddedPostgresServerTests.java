package com.yibaoflow.shared.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The default run keeps its data: a server started again on the same directory sees what the last one wrote. */
class EmbeddedPostgresServerTests {

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dir.toString());
             Connection c = DriverManager.getConnection(first.jdbcUrl());
             Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('案件')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dir.toString());
             Connection c = DriverManager.getConnection(second.jdbcUrl());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("案件");
        }
    }
}
