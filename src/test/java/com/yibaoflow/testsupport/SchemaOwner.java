package com.yibaoflow.testsupport;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SQL as the owner of the schema, the role Flyway migrates as (issue #20 §4). The application's own role may not
 * create functions or triggers, nor change the audit tables; a test that does so on purpose does it as the owner.
 */
public final class SchemaOwner {

    private SchemaOwner() {}

    public static JdbcTemplate jdbc(Flyway flyway) {
        return new JdbcTemplate(flyway.getConfiguration().getDataSource());
    }
}
