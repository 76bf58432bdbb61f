package com.yibaoflow.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * With no database configured ({@code DATABASE_URL} / {@code spring.datasource.url} empty), the application runs on an
 * embedded PostgreSQL: real server binaries, so there is one SQL dialect everywhere.
 *
 * <p>The data source depends on the server bean, and the process engine on the data source, so at shutdown Spring
 * stops the engine first, then closes the pool, then stops the server: no connection errors on Ctrl-C.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
public class EmbeddedPostgresConfiguration {

    @Bean
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${yibaoflow.embedded-db.data-directory:}") String dataDirectory) {
        return EmbeddedPostgresServer.start(dataDirectory);
    }

    /** Only for the persistent server of a real run; tests close their contexts themselves. */
    @Bean
    @ConditionalOnExpression("!'${yibaoflow.embedded-db.data-directory:}'.isBlank()")
    OrderedShutdown orderedShutdown() {
        return new OrderedShutdown();
    }

    /** Flyway migrates as the owner, the application connects as {@link EmbeddedPostgresServer#APP_USER}. */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgresServer server) {
        return flyway -> flyway.dataSource(server.jdbcUrl(), EmbeddedPostgresServer.USER, "")
                .placeholders(Map.of(MigrationOwnerConfiguration.APP_ROLE, EmbeddedPostgresServer.APP_USER));
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.appJdbcUrl());
        dataSource.setUsername(EmbeddedPostgresServer.APP_USER);
        dataSource.setPoolName("yibaoflow-embedded");
        return dataSource;
    }
}
