package com.yibaoflow.shared.problem;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestCases;
import com.yibaoflow.testsupport.TestIds;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue #16 §8: an expected conflict (R-ELIG-02, a second application) is a 409 and logs no ERROR. */
@IntegrationTest
@InCollectionPeriod
@ExtendWith(OutputCaptureExtension.class)
class ExpectedConflictLoggingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    ResultActions apply(String idNumber) throws Exception {
        return mvc.perform(post("/api/enrollments")
                .with(as(Department.MEDICAL_SECURITY))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"陈七",
                         "residence":"LOCAL_HUKOU","township":"尧渡镇","phone":"13900000000","claimedCategories":[]}""".formatted(idNumber)));
    }

    @Test
    void R_ELIG_02_aSecondApplicationIsA409WithoutAnErrorLine(CapturedOutput output) throws Exception {
        String id = TestIds.adult();
        apply(id).andExpect(status().isCreated());
        int before = output.getAll().length();
        apply(id).andExpect(status().isConflict());
        String logged = output.getAll().substring(before);
        assertThat(logged.lines().filter(l -> l.contains(" ERROR "))).isEmpty();
        assertThat(logged).doesNotContain("\tat ");
        assertThat(logged.lines().filter(l -> l.contains("Conflict on POST /api/enrollments")))
                .hasSize(1);
    }

    /**
     * The race the unique index settles: another intake of the same person and year is still uncommitted when this
     * one looks for a live case, so this one's insert waits at the index and then fails. That violation is expected
     * (the 409 names the winner) and must not log Hibernate's ERROR with the SQL statement.
     */
    @Test
    void R_ELIG_02_aConcurrentApplicationThatLosesAtTheUniqueIndexIsA409WithoutAnErrorLine(CapturedOutput output)
            throws Exception {
        String id = TestIds.adult();
        CountDownLatch inserted = new CountDownLatch(1);
        Thread winner = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            TestCases.enrolled(jdbc, id, "341721", 2025, null);
            inserted.countDown();
            try {
                Thread.sleep(1500); // the loser looks for a live case (none committed) and waits at the index
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        winner.start();
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        int before = output.getAll().length();
        apply(id).andExpect(status().isConflict());
        winner.join();
        String logged = output.getAll().substring(before);
        assertThat(logged.lines().filter(l -> l.contains(" ERROR "))).isEmpty();
        assertThat(logged).doesNotContain("\tat ", "insert into");
        assertThat(logged.lines().filter(l -> l.contains("Conflict on POST /api/enrollments")))
                .singleElement()
                .satisfies(l -> assertThat(l).contains(" INFO "));
    }
}
