package com.yibaoflow.load;

import com.yibaoflow.shared.db.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.springframework.context.ApplicationContext;

/**
 * The database's time per statement in a measured phase, from {@code pg_stat_statements}, when the harness runs with
 * {@code -Dyibaoflow.embedded-db.statement-statistics=true}: reset when a phase starts, printed (top statements by
 * total time, per unit of the phase) when it ends. Read as the owner, who may see every role's statements.
 */
final class StatementStatistics {

    private static final int TOP = 15;

    private final String ownerUrl;

    private StatementStatistics(String ownerUrl) {
        this.ownerUrl = ownerUrl;
    }

    /** Null unless the server was started with the statistics library. */
    static StatementStatistics of(ApplicationContext context) {
        if (!Boolean.getBoolean(EmbeddedPostgresServer.STATEMENT_STATISTICS)) {
            return null;
        }
        StatementStatistics s = new StatementStatistics(
                context.getBean(EmbeddedPostgresServer.class).jdbcUrl());
        s.execute("create extension if not exists pg_stat_statements");
        return s;
    }

    void reset() {
        execute("select pg_stat_statements_reset()");
    }

    void print(int units) {
        try (Connection c = DriverManager.getConnection(ownerUrl, "postgres", "");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("""
                        select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') as q
                        from pg_stat_statements order by total_exec_time desc limit %d""".formatted(TOP))) {
            System.out.printf(Locale.ROOT, "    %8s %10s %9s  %s%n", "calls", "ms/unit", "rows", "statement");
            while (rs.next()) {
                String q = rs.getString("q");
                System.out.printf(
                        Locale.ROOT,
                        "    %8d %10.3f %9d  %s%n",
                        rs.getLong("calls"),
                        rs.getDouble("total_exec_time") / units,
                        rs.getLong("rows"),
                        q.length() > 160 ? q.substring(0, 160) + "…" : q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ownerUrl, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
