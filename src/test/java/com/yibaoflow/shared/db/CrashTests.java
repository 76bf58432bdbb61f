package com.yibaoflow.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.YibaoFlowApplication;
import com.yibaoflow.testsupport.TestIds;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16 §7: the whole application in a child JVM (the main class and classpath the packaged jar runs) on a
 * persistent embedded database, a 20 000-row township roster uploading while intakes and payments stream in, then
 * {@code kill -9} in the middle. The restart must come up healthy on the first try, every acknowledged intake
 * ({@code 201}) and payment ({@code 200}) must be there, and the import must resume and end with exactly 20 000
 * outcomes: one case and one process instance per accepted row, none twice.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CrashTests {

    static final int ROSTER_ROWS = 20_000;
    static final String ADMIN = "crash-admin";
    static final String PASSWORD = "crash-secret";

    @TempDir
    Path work;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth =
            "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private Process child;
    private int port;

    @AfterEach
    void cleanUp() throws Exception {
        if (child != null) {
            child.destroy();
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        Path pid = work.resolve("postgres/postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(ChildProcesses.postmasterPid(work.resolve("postgres")))
                    .ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void killMinus9DuringARosterImportAndLiveTrafficLosesNothingAndDoublesNothing() throws Exception {
        port = freePort();
        Path output = work.resolve("app.log");
        child = startApplication(output);
        awaitHealthy(child, output, Duration.ofMinutes(3));

        String location = uploadRoster();
        Set<String> acknowledgedIntakes = ConcurrentHashMap.newKeySet();
        Set<String> acknowledgedPayments = ConcurrentHashMap.newKeySet();
        AtomicBoolean traffic = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            clients.submit(() -> {
                while (traffic.get()) {
                    int i = sequence.getAndIncrement();
                    String person = TestIds.number(LocalDate.of(1962, 1, 1).plusDays(i / 900), i % 900);
                    try {
                        if (post("/api/enrollments", application(person)) == 201) {
                            acknowledgedIntakes.add(person);
                            String reference = "CRASH-" + i;
                            if (post("/api/payments", payment(reference, person)) == 200) {
                                acknowledgedPayments.add(reference);
                            }
                        }
                    } catch (IOException e) {
                        // the server went away mid-request: nothing was acknowledged
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
                return null;
            });
        }
        // kill when a good part of the roster is committed and some traffic has been acknowledged
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (processed(location) < 4_000 || acknowledgedPayments.size() < 20) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the import did not get going:\n" + tail(output));
            }
            Thread.sleep(250);
        }
        int processedBeforeKill = processed(location);
        child.destroyForcibly(); // SIGKILL: no hook runs; the postmaster of this run stays behind
        child.waitFor(30, TimeUnit.SECONDS);
        traffic.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(processedBeforeKill).as("killed mid-way").isLessThan(ROSTER_ROWS);

        // the first restart comes up, and takes the import over (short lease: the killed worker never reports again)
        child = startApplication(output);
        awaitHealthy(child, output, Duration.ofMinutes(3));
        String end = awaitImportEnd(location, Duration.ofMinutes(4), output);
        assertThat(end).as(end).contains("\"status\":\"COMPLETED\"").contains("\"total\":" + ROSTER_ROWS);

        long importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        try (Connection db = database();
                Statement s = db.createStatement()) {
            assertThat(single(s, "select processed from yibao.enrollment_import where id = " + importId))
                    .isEqualTo(ROSTER_ROWS);
            long started = single(s, "select started from yibao.enrollment_import where id = " + importId);
            long rejected = single(s, "select rejected from yibao.enrollment_import where id = " + importId);
            assertThat(started + rejected).isEqualTo(ROSTER_ROWS);
            assertThat(rejected).as("every roster row is a new person").isZero();
            assertThat(single(s, "select count(*) from yibao.enrollment_case where import_id = " + importId))
                    .isEqualTo(started);
            assertThat(single(
                            s,
                            "select count(*) from (select id_number from yibao.enrollment_case "
                                    + "group by id_number, coverage_year having count(*) > 1) twice"))
                    .as("no person has two cases")
                    .isZero();
            assertThat(single(
                            s,
                            "select count(*) from yibao.enrollment_case c where (select count(*) from "
                                    + "act_hi_procinst p where p.business_key_ = c.business_key) <> 1"))
                    .as("one process instance per case")
                    .isZero();
            for (String person : acknowledgedIntakes) {
                assertThat(single(s, "select count(*) from yibao.enrollment_case where id_number = '" + person + "'"))
                        .as("acknowledged intake of %s", person)
                        .isOne();
            }
            for (String reference : acknowledgedPayments) {
                assertThat(single(
                                s,
                                "select count(*) from yibao.payment where payment_reference = '" + reference
                                        + "' and outcome = 'ACCEPTED'"))
                        .as("acknowledged payment %s", reference)
                        .isOne();
            }
            // an accepted payment reaches its case's process in a background batch (PaymentCorrelations): the ones
            // answered but not yet told when the node died are told after the restart, each once
            long told = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (single(s, "select count(*) from yibao.payment where outcome = 'ACCEPTED' and correlated_at is null")
                    > 0) {
                if (System.nanoTime() > told) {
                    throw new AssertionError("accepted payments not told to their processes:\n" + tail(output));
                }
                Thread.sleep(250);
            }
            assertThat(single(
                            s,
                            "select count(*) from yibao.payment p join yibao.enrollment_case c on c.id = p.case_id"
                                    + " where p.outcome = 'ACCEPTED' and not exists (select 1 from act_hi_actinst a"
                                    + " where a.proc_inst_id_ = c.process_instance_id"
                                    + " and a.act_id_ = 'Task_AwaitPayment' and a.end_time_ is not null)"))
                    .as("every accepted payment ended its case's payment wait")
                    .isZero();
        }
    }

    private Process startApplication(Path output) throws IOException {
        return ChildProcesses.start(
                YibaoFlowApplication.class,
                output,
                List.of("-Xmx640m", "-Duser.timezone=Asia/Shanghai"),
                "--server.port=" + port,
                "--yibaoflow.embedded-db.data-directory=" + work.resolve("postgres"),
                "--yibaoflow.imports.directory=" + work.resolve("imports"),
                "--yibaoflow.imports.lease=5s",
                "--yibaoflow.imports.resume-sweep=2s",
                "--yibaoflow.admin.user-id=" + ADMIN,
                "--yibaoflow.admin.password=" + PASSWORD,
                "--yibaoflow.clock.start-date=2024-11-15",
                "--spring.datasource.url=",
                "--logging.level.root=WARN",
                "--logging.level.com.yibaoflow=INFO");
    }

    private void awaitHealthy(Process process, Path output, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited:\n" + tail(output));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not healthy within " + timeout + ":\n" + tail(output));
    }

    private String uploadRoster() throws Exception {
        StringBuilder csv = new StringBuilder("身份证号码,姓名,户籍类型,乡镇\n");
        for (int i = 0; i < ROSTER_ROWS; i++) {
            csv.append(TestIds.number(LocalDate.of(1931, 1, 1).plusDays(i / 900), i % 900))
                    .append(",崩溃")
                    .append(i)
                    .append(",本地户籍,东流镇\n");
        }
        String boundary = "----crash" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"regionCode\"\r\n\r\n341721\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"coverageYear\"\r\n\r\n2025\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"roster.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/enrollments/imports"))
                        .header("Authorization", auth)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return r.headers().firstValue("Location").orElseThrow();
    }

    private static final Pattern PROCESSED = Pattern.compile("\"processed\":(\\d+)");

    private int processed(String location) throws Exception {
        Matcher m = PROCESSED.matcher(get(location));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private String awaitImportEnd(String location, Duration timeout, Path output) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get(location);
            if (!body.contains("\"status\":\"RUNNING\"")) {
                return body;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the import did not end after the restart: " + body + "\n" + tail(output));
    }

    private String get(String location) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location : base() + location))
                                .header("Authorization", auth)
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private int post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create(base() + path))
                                .header("Authorization", auth)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String application(String idNumber) {
        return """
                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"崩溃测试","residence":"LOCAL_HUKOU",
                 "township":"尧渡镇","claimedCategories":[]}""".formatted(idNumber);
    }

    private static String payment(String reference, String idNumber) {
        return """
                {"paymentReference":"%s","idNumber":"%s","regionCode":"341721","coverageYear":2025,"amount":400.00,
                 "channel":"WECHAT","paidAt":"2024-11-15T08:00:00+08:00"}""".formatted(reference, idNumber);
    }

    private Connection database() throws Exception {
        List<String> pid = Files.readAllLines(work.resolve("postgres/postmaster.pid"));
        return DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + pid.get(3).trim() + "/postgres", EmbeddedPostgresServer.USER, "");
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The last lines of the child's log; the whole log is kept as target/crash-test-app.log for a look. */
    private static String tail(Path output) throws IOException {
        if (Files.exists(output)) {
            Files.copy(output, Path.of("target/crash-test-app.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = Files.exists(output) ? Files.readAllLines(output) : new ArrayList<>();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
