package com.yibaoflow.shared.db;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Child JVM of {@link GracefulShutdownTests}: the embedded database configuration of the real run (persistent server,
 * pool, {@link OrderedShutdown}) and a stand-in for the process engine that, like Camunda's, depends on the data
 * source and still writes while it stops.
 */
public final class GracefulShutdownChild {

    private GracefulShutdownChild() {}

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(EmbeddedPostgresConfiguration.class, Engine.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        // arguments, because they outrank application.yml (which names ./data/postgres) and the environment
        application.run("--yibaoflow.embedded-db.data-directory=" + args[0], "--spring.datasource.url=");
        System.out.println("READY");
        Thread.sleep(Long.MAX_VALUE);
    }

    @Configuration(proxyBeanMethods = false)
    static class Engine {

        @Bean(destroyMethod = "stop")
        EngineStandIn engine(DataSource dataSource) throws Exception {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("create table if not exists engine_stops (at timestamptz not null default now())");
            }
            return new EngineStandIn(dataSource);
        }
    }

    record EngineStandIn(DataSource dataSource) {

        void stop() throws Exception {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("insert into engine_stops default values");
            }
            System.out.println("ENGINE STOPPED");
        }
    }
}
