package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.SeededCases;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's pre-aggregated figures (migration V64, issue #21 §4) against the grouped statement over the cases
 * themselves that {@link EnrollmentStatistics} ran before (kept here as the oracle): after inserts, status, category,
 * township and date changes and deletes, one row or many a statement, before and after a fold, and with writers and
 * folds running at once. Cases of 341721 in coverage years 2050 to 2057, which no other test uses.
 */
@IntegrationTest
class EnrollmentTallyTests {

    static final String REGION = "341721";

    static final String[] TOWNSHIPS = {"尧渡镇", "东流镇", "大渡口镇", "胜利镇"};
    static final String[] STATUSES = {
        "RECEIVED", "IN_REVIEW", "AWAITING_PAYMENT", "ENROLLED", "REJECTED", "LAPSED", "WITHDRAWN"
    };
    static final String[] CATEGORIES = {null, "EXTREME_POVERTY", "MINIMUM_LIVING", "ORPHAN", "SEVERE_DISABILITY"};

    /** EnrollmentStatistics' statement before V64: every case of the year and the year before, grouped three ways. */
    static final String ORACLE = """
            select grouping(township) as by_other_than_township, grouping(applied_category) as by_other_than_category,
                   township, applied_category, week,
                   count(*) filter (where this_year and status = 'ENROLLED') as enrolled,
                   count(*) filter (where this_year and status = 'AWAITING_PAYMENT') as awaiting,
                   count(*) filter (where this_year and status = 'LAPSED') as lapsed,
                   count(*) filter (where this_year and status in ('RECEIVED', 'IN_REVIEW')) as in_review,
                   count(*) filter (where not this_year and status = 'ENROLLED') as previous_enrolled,
                   count(*) filter (where this_year) as received,
                   coalesce(sum(subsidy) filter (where this_year and status = 'ENROLLED'), 0) as subsidy
            from (select township, applied_category, status, subsidy, coverage_year = ? as this_year,
                         case when coverage_year = ?
                              then date_trunc('week', created_at at time zone 'Asia/Shanghai')::date end as week
                  from yibao.enrollment_case
                  where region_code = ? and coverage_year in (?, ?)) c
            group by grouping sets ((township), (applied_category), (week))
            order by township, applied_category, week""";

    @Autowired
    EnrollmentStatistics statistics;

    @Autowired
    EnrollmentTallyFold fold;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFiguresAreTheCasesOwnAfterEveryKindOfChangeBeforeAndAfterAFold() {
        int year = 2051;
        Random random = new Random(2104);
        insertMany(year, 1, 400); // one statement: the statement-level trigger, one delta per key
        for (int i = 0; i < 60; i++) {
            SeededCases.insert(
                    jdbc,
                    REGION,
                    random.nextInt(4) == 0 ? year - 1 : year,
                    pick(random, TOWNSHIPS),
                    pick(random, STATUSES),
                    null,
                    null,
                    Instant.parse("2050-09-01T02:00:00Z").plusSeconds(random.nextInt(120 * 86_400)));
        }
        assertExact(year, "after the inserts, before a fold");
        foldAll();
        assertExact(year, "after a fold");
        assertThat(pending(year)).isZero();
        assertTallyIsTheCasesGrouped(year);

        List<Long> ids = ids(year);
        for (int i = 0; i < 250; i++) {
            change(random, ids.get(random.nextInt(ids.size())), year);
        }
        // many rows a statement: the row-level update trigger for each, the statement-level delete trigger once
        jdbc.update(
                "update yibao.enrollment_case set status = 'LAPSED' where region_code = ? and coverage_year = ? "
                        + "and status = 'AWAITING_PAYMENT' and id % 3 = 0",
                REGION, year);
        jdbc.update(
                "delete from yibao.enrollment_case where region_code = ? and coverage_year in (?, ?) and id % 7 = 0",
                REGION, year, year - 1);
        assertExact(year, "after the changes, before a fold");
        foldAll();
        assertExact(year, "after the changes and a fold");
        assertThat(pending(year)).isZero();
        assertTallyIsTheCasesGrouped(year);
    }

    @Test
    void writersAndFoldsAtOnceLeaveTheFiguresExact() throws Exception {
        int year = 2053;
        insertMany(year, 10_001, 400);
        List<Long> ids = ids(year);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> folds = pool.submit(() -> {
                int n = 0;
                while (writing.get()) {
                    n += fold.fold() > 0 ? 1 : 0;
                }
                return n;
            });
            List<Future<?>> writers = List.of(0, 1, 2).stream()
                    .map(w -> pool.submit(() -> {
                        Random random = new Random(w);
                        for (int i = 0; i < 150; i++) { // each writer its own cases: no row locks between writers
                            change(random, ids.get(w + 3 * random.nextInt(ids.size() / 3)), year);
                        }
                    }))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> w : writers) {
                w.get();
            }
            writing.set(false);
            assertThat(folds.get()).isPositive();
        } finally {
            pool.shutdownNow();
        }
        assertExact(year, "after writers and folds at once");
        foldAll();
        assertExact(year, "after the last fold");
        assertTallyIsTheCasesGrouped(year);
    }

    @Test
    void anUpdateOfOtherColumnsAppendsNoDeltaAndOneFoldAtATime() {
        int year = 2055;
        insertMany(year, 20_001, 400);
        foldAll();
        long id = ids(year).get(0);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            // this transaction's own deltas, which no fold can see yet
            jdbc.update("update yibao.enrollment_case set name = '改名', updated_at = now() where id = ?", id);
            assertThat(pending(year)).isZero();
            jdbc.update("update yibao.enrollment_case set status = 'WITHDRAWN' where id = ?", id);
            assertThat(pending(year)).isEqualTo(2);
        });
        tx.executeWithoutResult(status -> {
            jdbc.execute("select pg_advisory_xact_lock(hashtext('yibao.enrollment_tally_fold'))");
            // another connection: the lock is this transaction's
            assertThat(CompletableFuture.supplyAsync(fold::fold).join()).isEqualTo(-1);
            assertThat(pending(year)).isEqualTo(2);
        });
        foldAll();
        assertThat(pending(year)).isZero();
        assertExact(year, "after a withdrawal");
    }

    private void change(Random random, long id, int year) {
        switch (random.nextInt(7)) {
            case 0, 1 ->
                jdbc.update("update yibao.enrollment_case set status = ? where id = ?", pick(random, STATUSES), id);
            case 2 -> {
                String category = pick(random, CATEGORIES);
                BigDecimal subsidy = category == null ? null : BigDecimal.valueOf(20_000 + random.nextInt(30_000), 2);
                jdbc.update(
                        "update yibao.enrollment_case set applied_category = ?, subsidy = ? where id = ?",
                        category,
                        subsidy,
                        id);
            }
            case 3 ->
                jdbc.update("update yibao.enrollment_case set township = ? where id = ?", pick(random, TOWNSHIPS), id);
            case 4 ->
                jdbc.update(
                        "update yibao.enrollment_case set created_at = created_at + ? * interval '1 day' where id = ?",
                        random.nextInt(15) - 7,
                        id);
            case 5 ->
                jdbc.update(
                        "update yibao.enrollment_case set coverage_year = ? where id = ?",
                        year - random.nextInt(2),
                        id);
            default -> jdbc.update("delete from yibao.enrollment_case where id = ?", id);
        }
    }

    /** Cases {@code first …} in one statement: a quarter in the year before, every status, a category every third. */
    private void insertMany(int year, int first, int n) {
        jdbc.update("""
                insert into yibao.enrollment_case (business_key, id_number, name, region_code, coverage_year,
                    residence, township, source, status, applied_category, subsidy, created_at, created_by, updated_at)
                select 'ENR-341721-' || ? || '-T' || i, 'TALLY' || lpad((i + 100000 * (? % 100))::text, 13, '0'), '测试',
                       ?, case when i % 4 = 0 then ? - 1 else ? end, 'LOCAL_HUKOU', (?::text[])[1 + i % 4], 'API',
                       (?::text[])[1 + i % 7], (?::text[])[1 + i % 5], case when i % 5 > 0 then 300.50 + i % 3 end,
                       make_timestamptz(? - 1, 9, 1, 8, 0, 0, 'Asia/Shanghai') + (i * 7 % 120) * interval '1 day'
                           + (i % 960) * interval '1 minute',
                       'test', now()
                from generate_series(?, ?) as i""", year, year, REGION, year, year, TOWNSHIPS, STATUSES, CATEGORIES, year, first, first + n - 1);
    }

    private void assertExact(int year, String when) {
        EnrollmentStatistics.Statistics oracle =
                EnrollmentStatistics.grouped(jdbc, ORACLE, year, year, REGION, year, year - 1);
        assertThat(oracle.townships()).as("seeded townships").hasSizeGreaterThan(2);
        assertThat(oracle.categories()).as("seeded categories").hasSizeGreaterThan(2);
        assertThat(oracle.weeks()).as("seeded weeks").hasSizeGreaterThan(10);
        assertThat(statistics.of(REGION, year)).as(when).isEqualTo(oracle);
    }

    /** Folded, the tally alone is the cases grouped by its key (no key left without cases). */
    private void assertTallyIsTheCasesGrouped(int year) {
        String order = " order by coverage_year, township, status, applied_category nulls first, applied_on";
        List<Map<String, Object>> tally = jdbc.queryForList(
                "select coverage_year, township, status, applied_category, applied_on, cases, subsidy "
                        + "from yibao.enrollment_tally where region_code = ? and coverage_year in (?, ?)" + order,
                REGION,
                year,
                year - 1);
        List<Map<String, Object>> cases = jdbc.queryForList(
                "select * from (select coverage_year, township, status, applied_category, "
                        + "(created_at at time zone 'Asia/Shanghai')::date as applied_on, count(*) as cases, "
                        + "coalesce(sum(subsidy), 0)::numeric(16, 2) as subsidy from yibao.enrollment_case "
                        + "where region_code = ? and coverage_year in (?, ?) group by 1, 2, 3, 4, 5) c" + order,
                REGION,
                year,
                year - 1);
        assertThat(tally).hasSizeGreaterThan(50).isEqualTo(cases);
    }

    /** Folds until a fold ran here (another may have held the lock: it folds too, and this one waits for it). */
    private void foldAll() {
        while (fold.fold() < 0) {
            Thread.onSpinWait();
        }
    }

    private long pending(int year) {
        return jdbc.queryForObject(
                "select count(*) from yibao.enrollment_tally_delta where region_code = ? and coverage_year in (?, ?)",
                Long.class,
                REGION,
                year,
                year - 1);
    }

    private List<Long> ids(int year) {
        return jdbc.queryForList(
                "select id from yibao.enrollment_case where region_code = ? and coverage_year in (?, ?) order by id",
                Long.class,
                REGION,
                year,
                year - 1);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
