package com.yibaoflow.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the case search's indexes on Camunda's tables (migration V63, issue #20 §3) once the engine has created
 * those tables: Flyway runs before the engine, and the application's role owns them. The first start on a large
 * history builds them (writes to those tables wait meanwhile, seconds at 450 000 cases); later starts find them.
 */
@Component
class CaseSearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(CaseSearchIndexes.class);

    private final JdbcTemplate jdbc;

    CaseSearchIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        try {
            jdbc.execute("select yibao.case_search_indexes()");
        } catch (DataAccessException e) {
            // e.g. Camunda's tables belong to another role: the search works, only slower (docs/benchmarks.md)
            log.warn(
                    "Could not create the case search indexes: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }
}
