package com.yibaoflow.monitoring;

import com.yibaoflow.YibaoFlowApplication;
import com.yibaoflow.shared.id.ResidentIdNumber;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monitoring benchmark of issue #19: a county's year of settled claims (default 1 000 000 claims for 450 000
 * people) loaded through {@code POST /api/claims/imports}, then the burden scan through
 * {@code POST /api/monitoring/scans}, timed over real HTTP on a durable embedded PostgreSQL (fsync and synchronous
 * commit on), with the main lines of the scan's query plan. Not a test: it prints numbers (docs/benchmarks.md).
 *
 * <pre>./mvnw -Pload test-compile exec:exec -Dload.main=com.yibaoflow.monitoring.ClaimsLoadHarness \
 *     -Dload.args="1000000 450000 3"</pre>
 *
 * Arguments: claims, people, scan repetitions. About a third of the claims carry no paid amounts (the scan computes
 * the three layers for them); costs are skewed so that a few thousand people reach a warning line.
 */
public final class ClaimsLoadHarness {

    private static final String REGION = "341721";
    private static final String USER = "admin";
    private static final String PASSWORD = "load-secret";

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        int claims = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 450_000;
        int scans = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dataDirectory = Files.createTempDirectory("yibaoflow-claims-load-");
        ConfigurableApplicationContext context = SpringApplication.run(
                YibaoFlowApplication.class,
                "--server.port=0",
                "--yibaoflow.embedded-db.data-directory=" + dataDirectory,
                "--yibaoflow.admin.user-id=" + USER,
                "--yibaoflow.admin.password=" + PASSWORD,
                "--yibaoflow.clock.start-date=2025-11-30",
                "--logging.level.root=WARN",
                "--logging.level.com.yibaoflow=WARN",
                // the import's phases (read and staged, checked, upserted) and its commit
                "--logging.level.com.yibaoflow.monitoring.ClaimImportService=INFO");
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            String base = "http://localhost:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
            System.out.printf(
                    Locale.ROOT,
                    "%nYibaoFlow claims benchmark: %d claims, %d people, %d scans, %d cores%n",
                    claims,
                    people,
                    scans,
                    Runtime.getRuntime().availableProcessors());
            Path file = writeClaims(claims, people);
            System.out.printf(Locale.ROOT, "claims file: %.1f MiB%n", Files.size(file) / 1048576.0);

            long t0 = System.nanoTime();
            HttpResponse<String> imported = post(base, "/api/claims/imports", multipart(file), Duration.ofMinutes(30));
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
            }
            System.out.printf(
                    Locale.ROOT,
                    "claims import: %d rows in %.1f s = %.0f rows/s%n  %s%n",
                    claims,
                    importSeconds,
                    claims / importSeconds,
                    imported.body().substring(0, Math.min(300, imported.body().length())));
            jdbc.execute("analyze yibao.claim");

            String scanBody = "{\"regionCode\":\"" + REGION + "\",\"coverageYear\":2025,\"asOf\":\"2025-11-30\"}";
            for (int i = 0; i < scans; i++) {
                long s0 = System.nanoTime();
                HttpResponse<String> scan = post(
                        base,
                        "/api/monitoring/scans",
                        HttpRequest.BodyPublishers.ofString(scanBody),
                        Duration.ofMinutes(10),
                        "Content-Type",
                        "application/json");
                double seconds = (System.nanoTime() - s0) / 1e9;
                if (scan.statusCode() >= 300) {
                    throw new IllegalStateException("scan: " + scan.statusCode() + " " + scan.body());
                }
                System.out.printf(
                        Locale.ROOT, "scan %d: %.2f s over HTTP; %s%n", i + 1, seconds, countsOf(scan.body()));
                awaitReferrals(jdbc, number(scan.body(), "id"), s0);
            }
            System.out.printf(
                    Locale.ROOT,
                    "before close: %d event publications not yet completed (audit still recording)%n",
                    jdbc.queryForObject(
                            "select count(*) from yibao.event_publication where completion_date is null", Long.class));
            System.out.println("\nPlan of the scan's per-person aggregation (EXPLAIN ANALYZE, main lines):");
            List<String> plan = jdbc.queryForList(
                    "explain (analyze, buffers, costs off) " + BurdenScans.PERSON_TOTALS,
                    String.class,
                    REGION,
                    Date.valueOf(LocalDate.of(2025, 1, 1)),
                    Date.valueOf(LocalDate.of(2025, 11, 30)),
                    new java.math.BigDecimal("5000.00"));
            plan.stream()
                    .filter(line -> !line.strip().startsWith("Buffers") || line.contains("shared hit"))
                    .forEach(line -> System.out.println("  " + line));
            System.out.printf(
                    Locale.ROOT,
                    "%nclaim table: %.1f MiB with indexes; database settings: fsync=%s, synchronous_commit=%s%n",
                    jdbc.queryForObject("select pg_total_relation_size('yibao.claim')", Long.class) / 1048576.0,
                    jdbc.queryForObject("show fsync", String.class),
                    jdbc.queryForObject("show synchronous_commit", String.class));
            Files.deleteIfExists(file);
        } finally {
            context.close();
        }
    }

    /** Claims with the settlement system's English headers; a third without the three paid amounts. */
    private static Path writeClaims(int claims, int people) throws Exception {
        Path file = Files.createTempFile("load-claims-", ".csv");
        Random random = new Random(19);
        List<String> ids = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            ids.add(idNumber(LocalDate.of(1930, 1, 1).plusDays(i / 999), i % 999));
        }
        String[] levels = {"一级", "二级", "三级"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("claimId,idNumber,regionCode,settlementDate,hospitalLevel,totalCost,policyScopeCost,"
                    + "basicPaid,criticalIllnessPaid,assistancePaid,rural\n");
            for (int i = 0; i < claims; i++) {
                String id = ids.get(i < people ? i : random.nextInt(people));
                LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(333));
                // mostly outpatient-sized claims, a long tail of large inpatient stays
                double total = random.nextDouble() < 0.03
                        ? 20_000 + random.nextDouble() * 180_000
                        : 50 + random.nextDouble() * 3_000;
                double scope = total * (0.7 + random.nextDouble() * 0.25);
                w.write("C-" + i + "," + id + "," + REGION + "," + day + "," + levels[random.nextInt(3)] + ","
                        + money(total) + "," + money(scope));
                if (i % 3 == 0) {
                    w.write(",,,");
                } else {
                    double basic = scope * 0.6;
                    double critical = total > 20_000 ? scope * 0.15 : 0;
                    w.write("," + money(basic) + "," + money(critical) + "," + money(0));
                }
                w.write(random.nextBoolean() ? ",是\n" : ",否\n");
            }
        }
        return file;
    }

    private static String money(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static final String BOUNDARY = "----claims" + UUID.randomUUID();

    private static HttpRequest.BodyPublisher multipart(Path file) throws Exception {
        byte[] head = ("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"claims.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofByteArray(head),
                HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofByteArray(tail));
    }

    private static HttpResponse<String> post(String base, String path, HttpRequest.BodyPublisher body, Duration timeout)
            throws Exception {
        return post(base, path, body, timeout, "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static HttpResponse<String> post(
            String base, String path, HttpRequest.BodyPublisher body, Duration timeout, String header, String value)
            throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header(header, value)
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Waits for the background work of a scan (issue #19 §3): until its queued referral openings are all done (every
     * case's process started, {@code referralsPending} 0), then until the job executor has run the cases' first
     * continuation (the departments' tasks exist). Prints both times, counted from the scan request.
     */
    private static void awaitReferrals(JdbcTemplate jdbc, long scanId, long scanStarted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (jdbc.queryForObject(
                        "select count(*) from yibao.high_cost_referral_pending where scan_id = ?", Long.class, scanId)
                > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("referrals of scan " + scanId + " still queued after 15 minutes");
            }
            Thread.sleep(200);
        }
        double opened = (System.nanoTime() - scanStarted) / 1e9;
        long started = jdbc.queryForObject(
                "select count(*) from yibao.high_cost_referral where first_scan_id = ? and process_instance_id is not null",
                Long.class,
                scanId);
        String continuations = "select count(*) from act_ru_job where type_ = 'message' and process_def_key_ = ?";
        while (jdbc.queryForObject(continuations, Long.class, ReferralProcess.KEY) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("referral start jobs still waiting after 15 minutes");
            }
            Thread.sleep(200);
        }
        double tasks = (System.nanoTime() - scanStarted) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  referrals of scan %d: %d processes started %.1f s after the scan request; their tasks created "
                        + "after %.1f s%n",
                scanId,
                started,
                opened,
                tasks);
    }

    private static long number(String json, String key) {
        int at = json.indexOf("\"" + key + "\":") + key.length() + 3;
        int end = at;
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Long.parseLong(json.substring(at, end));
    }

    /** The scan's counts from its JSON answer, without a JSON library of the harness's own. */
    private static String countsOf(String json) {
        StringBuilder out = new StringBuilder();
        for (String key : List.of(
                "durationMs",
                "scanned",
                "candidates",
                "warnings",
                "referralsOpened",
                "referralsRaised",
                "referralsPending")) {
            int at = json.indexOf("\"" + key + "\":");
            if (at >= 0) {
                int end = at + key.length() + 3;
                while (end < json.length() && Character.isDigit(json.charAt(end))) {
                    end++;
                }
                out.append(key)
                        .append('=')
                        .append(json, at + key.length() + 3, end)
                        .append(' ');
            }
        }
        return out.toString().strip();
    }

    private static String idNumber(LocalDate birth, int sequence) {
        String first17 = REGION + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
