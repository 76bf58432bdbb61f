package com.yibaoflow.shared.db;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On an external PostgreSQL with an owner configured ({@code DATABASE_OWNER_USERNAME}), Flyway migrates as the owner
 * of the schema while the application connects as {@code DATABASE_USERNAME}, a role that migration V57 lets read and
 * write our tables but not update, delete or truncate the audit tables (issue #20 §4). The embedded server does the
 * same with roles of its own ({@link EmbeddedPostgresConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isBlank() and !'${yibaoflow.db.owner-username:}'.isBlank()")
class MigrationOwnerConfiguration {

    /** The Flyway placeholder naming the application's role (V57). */
    static final String APP_ROLE = "appRole";

    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(
            @Value("${spring.datasource.url}") String url,
            @Value("${yibaoflow.db.owner-username}") String owner,
            @Value("${yibaoflow.db.owner-password:}") String password) {
        return flyway -> flyway.dataSource(url, owner, password);
    }
}
