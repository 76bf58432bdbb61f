package com.yibaoflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yibaoflow.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Document numbers (issue #18 §1): gapless and unique per issuing body and year, also under concurrent submission. */
@IntegrationTest
class DocumentNumbersTests {

    @Autowired
    DocumentNumbers numbers;

    TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager manager) {
        this.transactions = new TransactionTemplate(manager);
    }

    @Test
    void twentyConcurrentSubmissionsGetOneToTwentyWithoutGapOrDuplicate() throws Exception {
        int year = 2101; // a year no other test numbers in
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> submissions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                submissions.add(() -> transactions.execute(tx -> numbers.next("341721", year)));
            }
            List<String> issued = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(submissions)) {
                issued.add(f.get());
            }
            Set<String> expected = IntStream.rangeClosed(1, 20)
                    .mapToObj(n -> "东医保〔2101〕" + n + "号")
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(issued).hasSize(20).doesNotHaveDuplicates();
            assertThat(new TreeSet<>(issued)).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackSubmissionLeavesNoGap() {
        int year = 2102;
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    numbers.next("341721", year);
                    throw new IllegalStateException("submission failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        String first = transactions.execute(tx -> numbers.next("341721", year));
        assertThat(first).isEqualTo("东医保〔2102〕1号");
    }

    @Test
    void aRegionWithoutIssuingBodyHasNoNumber() {
        assertThatThrownBy(() -> transactions.execute(tx -> numbers.next("000000", 2025)))
                .hasMessageContaining("No issuing body");
    }
}
