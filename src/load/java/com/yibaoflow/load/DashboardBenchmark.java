package com.yibaoflow.load;

import com.yibaoflow.YibaoFlowApplication;
import com.yibaoflow.enrollment.EnrollmentStatistics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The supervisor dashboard's benchmark (issue #21 §4, docs/benchmarks.md): starts the application on a throw-away
 * embedded PostgreSQL, writes {@code rows} enrollment cases of 东至县 (341721) for coverage year 2025 straight into
 * the table by SQL (and {@code previousYearRows} for 2024, which the dashboard reads as its reference), folds the
 * tally's deltas the seed's triggers appended (migration V64), then times {@code GET /api/dashboard} over HTTP and the
 * one grouped statement alone, {@code runs} times each; then 1 000 single-row updates with and without the trigger,
 * and the statement again with their 2 000 deltas not folded. The database is durable (a data directory of its own:
 * fsync and synchronous commit on); the scheduled fold is off, the benchmark folds itself. Prints the numbers; not a
 * test: nothing is asserted.
 *
 * <p>{@code ./mvnw -Pload test-compile exec:exec -Dload.main=com.yibaoflow.load.DashboardBenchmark
 * -Dload.args="450000 450000 20"}
 */
public final class DashboardBenchmark {

    private static final String REGION = "341721";
    private static final int YEAR = 2025;
    private static final String USER = "admin";
    private static final String PASSWORD = "load-secret";

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 450_000;
        int previousYearRows = args.length > 1 ? Integer.parseInt(args[1]) : rows;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dataDirectory = Files.createTempDirectory("yibaoflow-dashboard-");
        ConfigurableApplicationContext context = SpringApplication.run(
                YibaoFlowApplication.class,
                "--server.port=0",
                "--yibaoflow.embedded-db.data-directory=" + dataDirectory,
                "--yibaoflow.admin.user-id=" + USER,
                "--yibaoflow.admin.password=" + PASSWORD,
                "--yibaoflow.clock.start-date=2024-11-15",
                "--yibaoflow.enrollment.tally-fold-interval=1h", // the benchmark folds itself, between its phases
                "--logging.level.root=WARN",
                "--logging.level.com.yibaoflow=WARN");
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            System.out.printf(
                    Locale.ROOT,
                    "%nYibaoFlow dashboard benchmark: %d cases for %d, %d for %d, %d runs, %d cores%n%n",
                    rows,
                    YEAR,
                    previousYearRows,
                    YEAR - 1,
                    runs,
                    Runtime.getRuntime().availableProcessors());
            long t0 = System.nanoTime();
            seed(jdbc, YEAR, rows, 0);
            seed(jdbc, YEAR - 1, previousYearRows, rows);
            double seeded = (System.nanoTime() - t0) / 1e9;
            long f0 = System.nanoTime();
            long folded = fold(jdbc);
            double foldSeconds = (System.nanoTime() - f0) / 1e9;
            jdbc.execute("vacuum analyze yibao.enrollment_case");
            jdbc.execute("vacuum analyze yibao.enrollment_tally");
            System.out.printf(
                    Locale.ROOT,
                    "seeded in %.1f s (the tally's triggers included); enrollment_case holds %d rows (%s); the seed's"
                            + " %d delta rows folded in %.1f s; enrollment_tally holds %d rows (%s); %s%n%n",
                    seeded,
                    jdbc.queryForObject("select count(*) from yibao.enrollment_case", Long.class),
                    jdbc.queryForObject(
                            "select pg_size_pretty(pg_total_relation_size('yibao.enrollment_case'))", String.class),
                    folded,
                    foldSeconds,
                    jdbc.queryForObject("select count(*) from yibao.enrollment_tally", Long.class),
                    jdbc.queryForObject(
                            "select pg_size_pretty(pg_total_relation_size('yibao.enrollment_tally'))", String.class),
                    jdbc.queryForObject(
                            "select string_agg(name || '=' || setting, ', ' order by name) from pg_settings "
                                    + "where name in ('fsync', 'synchronous_commit', 'full_page_writes')",
                            String.class));

            String base = "http://localhost:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/dashboard?regionCode=" + REGION + "&coverageYear=" + YEAR))
                    .header(
                            "Authorization",
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .GET()
                    .build();
            List<Double> endpoint = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                endpoint.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "GET /api/dashboard answered " + response.statusCode() + ": " + response.body());
                }
                bytes = response.body().length();
            }
            Timings.report("GET /api/dashboard over HTTP (" + bytes + " characters)", endpoint);
            System.out.println();

            EnrollmentStatistics statistics = context.getBean(EnrollmentStatistics.class);
            Timings.report(
                    "EnrollmentStatistics.of (the grouped statement alone)",
                    Timings.time(runs, () -> statistics.of(REGION, YEAR)));
            System.out.println();
            List<Long> ids = jdbc.queryForList(
                    "select id from yibao.enrollment_case where coverage_year = ? and status = 'AWAITING_PAYMENT' "
                            + "order by id limit 1000",
                    Long.class,
                    YEAR);
            updates(
                    jdbc,
                    "single-row updates of an uncounted column (name: the trigger is not entered)",
                    ids,
                    "name = '压测改'");
            updates(
                    jdbc,
                    "single-row status changes (the trigger appends two delta rows each)",
                    ids,
                    "status = 'ENROLLED'");
            Timings.report(
                    "EnrollmentStatistics.of with those " + 2 * ids.size() + " deltas not folded",
                    Timings.time(runs, () -> statistics.of(REGION, YEAR)));
            long p0 = System.nanoTime();
            long n = fold(jdbc);
            System.out.printf(Locale.ROOT, "their fold: %d delta rows in %.0f ms%n", n, (System.nanoTime() - p0) / 1e6);
        } finally {
            context.close();
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
        System.exit(0);
    }

    /** One fold of the pending tally deltas (V64), waiting while another holds the lock; the delta rows it folded. */
    private static long fold(JdbcTemplate jdbc) {
        long folded;
        while ((folded = jdbc.queryForObject("select yibao.enrollment_tally_fold()", Long.class)) < 0) {
            Thread.onSpinWait();
        }
        return folded;
    }

    /** Sets {@code assignment} on each case, one autocommitted (durable) statement each, and prints the time taken. */
    private static void updates(JdbcTemplate jdbc, String what, List<Long> ids, String assignment) {
        long start = System.nanoTime();
        for (long id : ids) {
            jdbc.update("update yibao.enrollment_case set " + assignment + " where id = ?", id);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "%d %s: %.0f ms, %.3f ms each%n", ids.size(), what, millis, millis / ids.size());
    }

    /**
     * {@code n} cases in 20 townships: 70 % enrolled, 15 % awaiting payment, 5 % lapsed, 5 % in review, 5 % rejected;
     * every tenth subsidised under one of five categories; applications spread over the 122 days of the collection
     * period (2024-09-01 to 2024-12-31 for 2025).
     */
    private static void seed(JdbcTemplate jdbc, int year, int n, int offset) {
        if (n <= 0) {
            return;
        }
        int batch = 50_000;
        for (int from = 1; from <= n; from += batch) {
            int to = Math.min(n, from + batch - 1);
            jdbc.update("""
                    insert into yibao.enrollment_case (business_key, id_number, name, region_code, coverage_year,
                        residence, township, source, status, applied_category, subsidy, created_at, created_by,
                        updated_at)
                    select 'ENR-341721-' || ?::text || '-' || id, id, '压测', '341721', ?, 'RURAL',
                           '乡镇' || lpad((i % 20)::text, 2, '0'), 'IMPORT',
                           case when i % 100 < 70 then 'ENROLLED' when i % 100 < 85 then 'AWAITING_PAYMENT'
                                when i % 100 < 90 then 'LAPSED' when i % 100 < 95 then 'IN_REVIEW' else 'REJECTED' end,
                           case when i % 10 = 0 then (array['EXTREME_POVERTY', 'MINIMUM_LIVING', 'ORPHAN',
                                'RELAPSED_POVERTY', 'SEVERE_DISABILITY'])[1 + (i / 10) % 5] end,
                           case when i % 10 = 0 then 400.00 end,
                           make_timestamptz(?::int - 1, 9, 1, 8, 0, 0, 'Asia/Shanghai') + (i % 122) * interval '1 day'
                               + (i % 600) * interval '1 minute',
                           'load', now()
                    from (select i, 'B' || lpad((i + ?)::text, 17, '0') as id
                          from generate_series(?, ?) as i) s""", year, year, year, offset, from, to);
        }
    }
}
