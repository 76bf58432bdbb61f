package com.yibaoflow.load;

import com.yibaoflow.YibaoFlowApplication;
import com.yibaoflow.shared.id.ResidentIdNumber;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The enrollment load harness (issue #4, docs/benchmarks.md). Starts the whole application in this JVM on a
 * throw-away embedded PostgreSQL with the job executor on, then measures over real HTTP, in one run:
 * <ol>
 *   <li>the engine's ceiling: a minimal start→end process started from Java;</li>
 *   <li>straight-through intakes per second through {@code POST /api/enrollments}, and until every case waits
 *       for payment;</li>
 *   <li>payment confirmations per second through {@code POST /api/payments}, and until every case is enrolled;</li>
 *   <li>the import of a 100 000-row township roster through {@code POST /api/enrollments/imports}.</li>
 * </ol>
 * Run with {@code ./mvnw -Pload test-compile exec:exec}; sizes with -Dload.args="intakes threads rosterRows", and
 * optionally a fourth argument, the engine's history level (default {@code full}, as the application runs).
 */
public final class LoadHarness {

    private static final String REGION = "341721";
    private static final String USER = "admin";
    private static final String PASSWORD = "load-secret";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String auth =
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final ConfigurableApplicationContext context;
    private final JdbcTemplate jdbc;
    private final CpuMeter cpu;
    private final StatementStatistics statements;

    private LoadHarness(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
        this.jdbc = context.getBean(JdbcTemplate.class);
        Integer port = jdbc.queryForObject("select inet_server_port()", Integer.class);
        this.cpu = new CpuMeter(port == null ? -1 : port);
        this.statements = StatementStatistics.of(context);
    }

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        // keep one connection alive per client thread (the JDK keeps 5 per host by default and closes the others)
        System.setProperty("http.maxConnections", "64");
        int intakes = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int rosterRows = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        String historyLevel = args.length > 3 ? args[3] : "full";
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
        int paymentFileRows = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        // a data directory of its own: the embedded server then runs as the default run does, durable (fsync,
        // synchronous_commit and full_page_writes on, issue #16), not with the throw-away test server's fast settings
        Path dataDirectory = Files.createTempDirectory("yibaoflow-load-");
        ConfigurableApplicationContext context = SpringApplication.run(
                YibaoFlowApplication.class,
                "--server.port=0",
                // -Dload.fast=true: the throw-away test server instead (fsync, synchronous_commit and
                // full_page_writes off), to see what the durable settings cost each phase
                "--yibaoflow.embedded-db.data-directory=" + (Boolean.getBoolean("load.fast") ? "" : dataDirectory),
                "--yibaoflow.admin.user-id=" + USER,
                "--yibaoflow.admin.password=" + PASSWORD,
                "--yibaoflow.clock.start-date=2024-11-15",
                "--logging.level.root=WARN",
                "--logging.level.com.yibaoflow=WARN",
                "--camunda.bpm.job-execution.core-pool-size=4",
                "--camunda.bpm.job-execution.max-pool-size=4",
                "--camunda.bpm.job-execution.queue-capacity=16",
                "--camunda.bpm.job-execution.max-jobs-per-acquisition=16",
                "--camunda.bpm.history-level=" + historyLevel);
        try {
            LoadHarness harness = new LoadHarness(context);
            System.out.printf(
                    Locale.ROOT,
                    "%nYibaoFlow load harness: %d intakes, %d client threads, %d roster rows, "
                            + "history level %s, %d warm-up cases, %d payment file rows, %d cores%n%n",
                    intakes,
                    threads,
                    rosterRows,
                    historyLevel,
                    warmUp,
                    paymentFileRows,
                    Runtime.getRuntime().availableProcessors());
            harness.warmUp(warmUp, threads);
            harness.ceiling(Math.max(intakes, 2000), threads);
            List<String> people = harness.intakes(people(LocalDate.of(1960, 1, 1), intakes), threads, true);
            harness.payments(people, threads, "LOAD-", true);
            if (rosterRows > 0) {
                harness.importRoster(rosterRows);
            }
            if (paymentFileRows > 0) {
                harness.paymentFile(paymentFileRows, threads);
            }
            harness.size();
            System.out.printf(
                    Locale.ROOT,
                    "%nDatabase settings: fsync=%s, synchronous_commit=%s, full_page_writes=%s%n",
                    harness.jdbc.queryForObject("show fsync", String.class),
                    harness.jdbc.queryForObject("show synchronous_commit", String.class),
                    harness.jdbc.queryForObject("show full_page_writes", String.class));
        } finally {
            context.close();
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
        System.exit(0);
    }

    // ---- 0. warm-up -------------------------------------------------------------------------------------------

    /**
     * Takes other people through intake and payment first, unmeasured, so that the measured phases see a JVM whose
     * hot paths are compiled (a server in production runs for weeks, not a minute) and a database with some history.
     */
    private void warmUp(int n, int threads) throws Exception {
        if (n <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        List<String> people = intakes(people(LocalDate.of(1950, 1, 1), n), threads, false);
        payments(people, threads, "WARM-", false);
        System.out.printf(
                Locale.ROOT,
                "(warm-up: %d cases through intake and payment in %.1f s, not measured)%n%n",
                n,
                (System.nanoTime() - t0) / 1e9);
    }

    private static List<String> people(LocalDate firstBirthDate, int n) {
        List<String> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(idNumber(firstBirthDate.plusDays(i / 900), i % 900));
        }
        return people;
    }

    // ---- 1. ceiling -------------------------------------------------------------------------------------------

    private void ceiling(int n, int threads) throws Exception {
        BpmnModelInstance minimal = Bpmn.createExecutableProcess("load-minimal")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .endEvent()
                .done();
        context.getBean(RepositoryService.class)
                .createDeployment()
                .addModelInstance("load-minimal.bpmn", minimal)
                .deploy();
        RuntimeService runtime = context.getBean(RuntimeService.class);
        for (int i = 0; i < 200; i++) {
            runtime.startProcessInstanceByKey("load-minimal"); // warm-up
        }
        Start start = start();
        parallel(n, threads, false, i -> runtime.startProcessInstanceByKey("load-minimal"));
        report("ceiling: minimal start→end process, from Java", n, start);
    }

    // ---- 2. intakes -------------------------------------------------------------------------------------------

    private List<String> intakes(List<String> people, int threads, boolean measured) throws Exception {
        int n = people.size();
        long awaiting = count("AWAITING_PAYMENT");
        AtomicInteger created = new AtomicInteger();
        Start start = start();
        parallel(n, threads, true, i -> {
            Reply r = post("/api/enrollments", application(people.get(i)));
            if (r.statusCode() == 201) {
                created.incrementAndGet();
            } else {
                throw new IllegalStateException("intake " + i + ": " + r.statusCode() + " " + r.body());
            }
        });
        if (measured) {
            report("intakes accepted: POST /api/enrollments → 201", created.get(), start);
        }
        waitFor("AWAITING_PAYMENT", awaiting + n, Duration.ofMinutes(30));
        if (measured) {
            report("intakes through the process to the payment wait", n, start);
        }
        return people;
    }

    private static String application(String idNumber) {
        return """
                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"压测居民","residence":"LOCAL_HUKOU",
                 "township":"尧渡镇","claimedCategories":[]}""".formatted(idNumber);
    }

    // ---- 3. payments ------------------------------------------------------------------------------------------

    private void payments(List<String> people, int threads, String referencePrefix, boolean measured) throws Exception {
        long enrolled = count("ENROLLED");
        Start start = start();
        parallel(people.size(), threads, true, i -> {
            Reply r = post("/api/payments", """
                    {"paymentReference":"%s%d","idNumber":"%s","regionCode":"341721","coverageYear":2025,
                     "amount":400.00,"channel":"WECHAT","paidAt":"2024-11-15T08:00:00+08:00"}""".formatted(referencePrefix, i, people.get(i)));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("payment " + i + ": " + r.statusCode() + " " + r.body());
            }
        });
        if (measured) {
            report("payment confirmations: POST /api/payments → 200", people.size(), start);
        }
        waitFor("ENROLLED", enrolled + people.size(), Duration.ofMinutes(30));
        if (measured) {
            report("payments through to coverage (ENROLLED)", people.size(), start);
        }
    }

    // ---- 4. roster import -------------------------------------------------------------------------------------

    private void importRoster(int rows) throws Exception {
        Path file = Files.createTempFile("load-roster-", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("身份证号码,姓名,户籍类型,乡镇,联系电话,困难类别\n");
            for (int i = 0; i < rows; i++) {
                w.write(idNumber(LocalDate.of(1930, 1, 1).plusDays(i / 999), i % 999) + ",居民" + i + ",本地户籍,东流镇,1380000"
                        + String.format("%04d", i % 10000) + ",\n");
            }
        }
        Start start = start();
        String location = upload("/api/enrollments/imports", file, "regionCode", "341721", "coverageYear", "2025");
        String outcome = awaitImport(location);
        System.out.printf(Locale.ROOT, "roster import: %s of %d rows started%n", outcome, rows);
        report("roster import: rows to started processes", startedOf(outcome), start);
        Files.deleteIfExists(file);
        long backlog = jdbc.queryForObject("select count(*) from act_ru_job where type_ = 'message'", Long.class);
        System.out.printf(
                Locale.ROOT, "(async continuations still queued for the job executor after the import: %d)%n", backlog);
    }

    // ---- 5. the tax bureau's payment file ---------------------------------------------------------------------

    /** People taken in first (not measured), then one payment file for all of them (issue #16 §4). */
    private void paymentFile(int rows, int threads) throws Exception {
        List<String> people = intakes(people(LocalDate.of(1935, 1, 1), rows), threads, false);
        Path file = Files.createTempFile("load-payments-", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("电子税票号码,缴费人证件号码,参保地区代码,缴费年度,实缴金额,缴费渠道,缴费时间\n");
            for (int i = 0; i < rows; i++) {
                w.write("FILE-" + i + "," + people.get(i) + ",341721,2025,400.00,微信,2024-11-15 08:00:00\n");
            }
        }
        long enrolled = count("ENROLLED");
        Start start = start();
        String outcome = awaitImport(upload("/api/payments/imports", file));
        System.out.printf(Locale.ROOT, "payment file: %s of %d rows accepted%n", outcome, rows);
        report("payment file: rows confirmed (accepted)", startedOf(outcome), start);
        waitFor("ENROLLED", enrolled + rows, Duration.ofMinutes(60));
        report("payment file: rows through to coverage (ENROLLED)", rows, start);
        Files.deleteIfExists(file);
    }

    /** Database size against the cases in it (issue #16 §10: size per 100 000 cases, engine history included). */
    private void size() {
        long bytes = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        long cases = jdbc.queryForObject("select count(*) from yibao.enrollment_case", Long.class);
        System.out.printf(
                Locale.ROOT,
                "%nDatabase size: %.1f MiB for %d enrollment cases (%.1f KiB a case, history level included; "
                        + "%.2f GiB per 100 000 cases)%n",
                bytes / 1048576.0,
                cases,
                bytes / 1024.0 / cases,
                bytes / 1073741824.0 / cases * 100_000);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /** Uploads a CSV as multipart {@code file} with the given form fields; returns the import's location (202). */
    private String upload(String path, Path file, String... fields) throws Exception {
        String boundary = "----yibaoflow" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            head.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(fields[i])
                    .append("\"\r\n\r\n")
                    .append(fields[i + 1])
                    .append("\r\n");
        }
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.csv\"\r\n")
                .append("Content-Type: text/csv\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> accepted = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(path + ": " + accepted.statusCode() + " " + accepted.body());
        }
        return accepted.headers().firstValue("Location").orElseThrow();
    }

    private static final Pattern IMPORT_STATUS = Pattern.compile("\"status\":\"(\\w+)\".*?\"started\":(\\d+)");

    /** Polls an import until it ends; returns "STATUS started". */
    private String awaitImport(String location) throws Exception {
        while (true) {
            Thread.sleep(2000);
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(location))
                            .header("Authorization", auth)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = IMPORT_STATUS.matcher(r.body());
            if (m.find() && !"RUNNING".equals(m.group(1))) {
                return m.group(1) + " " + m.group(2);
            }
        }
    }

    private static int startedOf(String outcome) {
        return Integer.parseInt(outcome.substring(outcome.indexOf(' ') + 1));
    }

    /** A status and the raw body, decoded only when it is shown. */
    private record Reply(int statusCode, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * A POST through a blocking, kept-alive {@link HttpURLConnection}: the client shares the two cores with the server
     * it measures, and the asynchronous {@link HttpClient} took about a tenth of the JVM's CPU in a profile of the
     * intake phase; this one does the same requests for less. The body is read whole, so the connection is reused.
     */
    private Reply post(String path, String json) {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setFixedLengthStreamingMode(body.length);
            c.setRequestProperty("Authorization", auth);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Reply(status, in == null ? new byte[0] : in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String status) {
        Long n = jdbc.queryForObject("select count(*) from yibao.enrollment_case where status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    private void waitFor(String status, long count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(status) >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Timed out waiting for " + count + " cases in " + status);
    }

    private interface Work {
        void run(int i) throws Exception;
    }

    /** Runs {@code work} for 0..n-1 on {@code threads} threads; their CPU counts as client time if they are one. */
    private void parallel(int n, int threads, boolean httpClient, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long cpuAtStart = threadCpu.getCurrentThreadCpuTime();
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        work.run(i);
                    }
                } finally {
                    if (httpClient) {
                        cpu.countClient(threadCpu.getCurrentThreadCpuTime() - cpuAtStart);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** When a measured phase began, by the clock and by the CPU used so far. */
    private record Start(long nanos, CpuMeter.Sample cpu, String walLsn) {}

    private Start start() {
        if (statements != null) {
            statements.reset();
        }
        return new Start(System.nanoTime(), cpu.sample(), walLsn());
    }

    /** Where PostgreSQL's write-ahead log stands: its growth over a phase is what each commit has to flush. */
    private String walLsn() {
        return jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
    }

    /**
     * The rate since {@code start}, and the CPU each unit cost: the application JVM's, which includes the harness's
     * own HTTP client threads (shown in brackets), and the database's.
     */
    private void report(String what, int n, Start start) {
        double seconds = (System.nanoTime() - start.nanos()) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-55s %8d in %8.1f s = %8.1f /s   CPU per unit: %s   WAL per unit: %.1f KiB%n",
                what,
                n,
                seconds,
                n / seconds,
                cpu.perUnit(start.cpu(), n),
                jdbc.queryForObject(
                                "select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)", Double.class, start.walLsn())
                        / 1024.0
                        / n);
        if (statements != null) {
            statements.print(n);
        }
    }

    private static String idNumber(LocalDate birth, int sequence) {
        String first17 = "341721" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
