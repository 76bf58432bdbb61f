package com.yibaoflow.load;

import com.yibaoflow.YibaoFlowApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The audit case search's benchmark (issue #20 §3, docs/benchmarks.md "Audit case search"): starts the application on
 * a throw-away embedded PostgreSQL, writes {@code cases} process instances of 东至县 (341721) straight into Camunda's
 * history by SQL (85 % enrollments, 8 % hardship verifications, 5 % high-cost referrals, 2 % major-matter requests;
 * every tenth open, waiting at a user task of one of six departments with its runtime execution, task and candidate
 * group, due five days after it was created), then times {@code GET /api/cases} over HTTP for the searches a supervisor
 * makes, {@code runs} times each: first without the indexes of migration V63 (dropped), then with them (created by
 * {@code yibao.case_search_indexes()}, as at every start). Not a test: nothing is asserted.
 *
 * <p>{@code ./mvnw -Pload test-compile exec:exec -Dload.main=com.yibaoflow.load.CaseSearchBenchmark
 * -Dload.args="450000 5"}
 */
public final class CaseSearchBenchmark {

    private static final String USER = "admin";
    private static final String PASSWORD = "load-secret";

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 450_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dataDirectory = Files.createTempDirectory("yibaoflow-case-search-");
        ConfigurableApplicationContext context = SpringApplication.run(
                YibaoFlowApplication.class,
                "--server.port=0",
                "--yibaoflow.embedded-db.data-directory=" + dataDirectory,
                "--yibaoflow.audit.checkpoint-export-dir=" + dataDirectory.resolve("checkpoints"),
                "--yibaoflow.audit.signing-key=" + dataDirectory.resolve("signing-key"),
                "--yibaoflow.admin.user-id=" + USER,
                "--yibaoflow.admin.password=" + PASSWORD,
                "--yibaoflow.clock.start-date=2024-11-15",
                "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.com.yibaoflow=WARN");
        try {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            System.out.printf(
                    Locale.ROOT,
                    "%nYibaoFlow case search benchmark: %d cases, %d runs, %d cores%n%n",
                    cases,
                    runs,
                    Runtime.getRuntime().availableProcessors());
            long t0 = System.nanoTime();
            seed(jdbc, cases);
            jdbc.execute("analyze act_hi_procinst");
            jdbc.execute("analyze act_hi_actinst");
            jdbc.execute("analyze act_ru_task");
            jdbc.execute("analyze act_ru_identitylink");
            jdbc.execute("analyze act_ru_execution");
            System.out.printf(
                    Locale.ROOT,
                    "seeded and analysed in %.1f s; act_hi_procinst holds %d rows (%s), act_ru_task %d%n%n",
                    (System.nanoTime() - t0) / 1e9,
                    jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class),
                    jdbc.queryForObject(
                            "select pg_size_pretty(pg_total_relation_size('act_hi_procinst'))", String.class),
                    jdbc.queryForObject("select count(*) from act_ru_task", Long.class));

            String base = "http://localhost:"
                    + ((WebServerApplicationContext) context).getWebServer().getPort();
            String someId = jdbc.queryForObject(
                    "select substr(business_key_, length(business_key_) - 7) from act_hi_procinst "
                            + "where business_key_ like 'ENR-%' order by id_ limit 1 offset 1234",
                    String.class);
            Map<String, String> searches = new LinkedHashMap<>();
            searches.put("newest first, no filter", "");
            searches.put("regionCode=341721", "regionCode=341721");
            searches.put("q = 8 digits of an ID number", "q=" + someId);
            searches.put("regionCode and q", "regionCode=341721&q=" + someId);
            searches.put("type=enrollment&state=OPEN", "type=enrollment&state=OPEN");
            searches.put("state=ENDED, sort=BUSINESS_KEY", "state=ENDED&sort=BUSINESS_KEY");
            searches.put("one week (from, to)", "from=2024-10-01T00:00:00%2B08:00&to=2024-10-08T00:00:00%2B08:00");
            searches.put("department=civil-affairs", "department=civil-affairs");
            searches.put("overdue=true", "overdue=true");
            searches.put(
                    "department=civil-affairs&overdue=true, page 5", "department=civil-affairs&overdue=true&page=5");

            jdbc.execute("drop index if exists " + String.join(", ", indexes(jdbc)));
            System.out.println("== without V63's indexes (" + indexes(jdbc).size() + " present) ==");
            measure(base, searches, runs);
            long c0 = System.nanoTime();
            jdbc.execute("select yibao.case_search_indexes()");
            jdbc.execute("analyze act_hi_procinst");
            System.out.printf(
                    Locale.ROOT,
                    "== with V63's indexes %s (created in %.1f s) ==%n",
                    indexes(jdbc),
                    (System.nanoTime() - c0) / 1e9);
            measure(base, searches, runs);
        } finally {
            context.close();
            FileSystemUtils.deleteRecursively(dataDirectory);
        }
        System.exit(0);
    }

    /** The indexes V63 adds (named {@code yf_case_search_*}). */
    private static List<String> indexes(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "select schemaname || '.' || indexname from pg_indexes where indexname like 'yf_case_search_%' "
                        + "order by indexname",
                String.class);
    }

    private static void measure(String base, Map<String, String> searches, int runs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth =
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> search : searches.entrySet()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/cases?" + search.getValue()))
                    .header("Authorization", auth)
                    .GET()
                    .build();
            List<Double> millis = new ArrayList<>();
            String total = "";
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                millis.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET /api/cases?" + search.getValue() + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                int at = response.body().lastIndexOf("\"total\":");
                total = response.body().substring(at + 8).split("[,}]")[0];
            }
            Timings.report(search.getKey() + " (total " + total + ")", millis);
        }
    }

    /**
     * {@code n} process instances started over the collection period (2024-09-01 … 2024-12-30); every tenth open at a
     * user task with its runtime rows; the others completed a day after they started.
     */
    private static void seed(JdbcTemplate jdbc, int n) {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String key :
                List.of("enrollment", "hardship-verification", "high-cost-referral", "major-matter-request")) {
            definitions.put(
                    key,
                    jdbc.queryForObject(
                            "select id_ from act_re_procdef where key_ = ? order by version_ desc limit 1",
                            String.class,
                            key));
        }
        String kind = "case when i % 100 < 85 then 0 when i % 100 < 93 then 1 when i % 100 < 98 then 2 else 3 end";
        String keyOf = "(array['enrollment', 'hardship-verification', 'high-cost-referral', 'major-matter-request'])"
                + "[1 + " + kind + "]";
        String defOf = "(array['" + String.join("', '", definitions.values()) + "'])[1 + " + kind + "]";
        String businessKey = "(array['ENR-341721-2025-', 'HV-ENR-341721-2025-', 'HC-341721-2025-', 'MM-341721-'])"
                + "[1 + " + kind + "] || id";
        String started = "make_timestamp(2024, 9, 1, 8, 0, 0) + (i % 121) * interval '1 day' + (i % 600) * "
                + "interval '1 minute'";
        String from = " from (select i, 'B' || lpad(i::text, 17, '0') as id from generate_series(?, ?) as i) s";
        int batch = 50_000;
        for (int lo = 1; lo <= n; lo += batch) {
            int hi = Math.min(n, lo + batch - 1);
            jdbc.update(
                    "insert into act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, "
                            + "start_time_, end_time_, duration_, start_act_id_, end_act_id_, root_proc_inst_id_, "
                            + "state_) select 'b-' || i, 'b-' || i, " + businessKey + ", " + keyOf + ", " + defOf
                            + ", " + started + ", case when i % 10 <> 0 then " + started
                            + " + interval '1 day' end, case when i % 10 <> 0 then 86400000 end, 'StartEvent', "
                            + "case when i % 10 <> 0 then 'EndEvent' end, 'b-' || i, "
                            + "case when i % 10 <> 0 then 'COMPLETED' else 'ACTIVE' end" + from,
                    lo,
                    hi);
            String open = from + " where i % 10 = 0";
            jdbc.update(
                    "insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, "
                            + "proc_def_id_, act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, "
                            + "suspension_state_, cached_ent_state_, sequence_counter_, proc_def_key_) "
                            + "select 'b-' || i, 1, 'b-' || i, 'b-' || i, " + businessKey + ", " + defOf
                            + ", 'Task_Review', true, false, true, false, 1, 0, 1, " + keyOf + open,
                    lo,
                    hi);
            jdbc.update(
                    "insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, "
                            + "task_def_key_, priority_, create_time_, last_updated_, due_date_, suspension_state_, "
                            + "task_state_) select 'bt-' || i, 1, 'b-' || i, 'b-' || i, " + defOf
                            + ", '审核压测' || i, 'Task_Review', 50, " + started + ", " + started + ", " + started
                            + " + interval '5 days', 1, 'Created'" + open,
                    lo,
                    hi);
            jdbc.update(
                    "insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'bl-' || i, 1, "
                            + "(array['medical-security', 'civil-affairs', 'agriculture-rural', 'veterans-affairs', "
                            + "'health-commission', 'disabled-federation'])[1 + (i / 10) % 6], 'candidate', 'bt-' || i"
                            + open,
                    lo,
                    hi);
            jdbc.update(
                    "insert into act_hi_actinst (id_, parent_act_inst_id_, proc_def_key_, proc_def_id_, "
                            + "root_proc_inst_id_, proc_inst_id_, execution_id_, act_id_, task_id_, act_name_, "
                            + "act_type_, start_time_, act_inst_state_, sequence_counter_) select 'ba-' || i, 'b-' || i, "
                            + keyOf + ", " + defOf + ", 'b-' || i, 'b-' || i, 'b-' || i, 'Task_Review', 'bt-' || i, "
                            + "'审核', 'userTask', " + started + ", 0, 1" + open,
                    lo,
                    hi);
        }
    }
}
