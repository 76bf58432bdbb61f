package com.yibaoflow.enrollment;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case history and the notifications hear the enrollment's events after its transaction has committed, in
 * their own: a test that reads them first waits until every event of the case has been handled.
 */
final class CaseEventsDelivered {

    private CaseEventsDelivered() {}

    static void await(JdbcTemplate jdbc, String businessKey) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject("""
                select count(*) from yibao.event_publication
                where completion_date is null and serialized_event like ?""", Long.class, "%\"businessKey\":\"" + businessKey + "\"%") == 0);
    }
}
