package com.yibaoflow.outreach;

import com.yibaoflow.enrollment.CoverageActivated;
import com.yibaoflow.enrollment.EnrollmentQueries;
import com.yibaoflow.hardship.Rosters;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.shared.id.ResidentIdNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach (R-MON-04, [D] (十五), issue #5 §4): the people on a current department roster who are not yet enrolled
 * for the coverage year, by township; one outreach task per township with its list, closed by itself once everyone
 * on it is enrolled, or by the township recording why not.
 */
@Service
public class OutreachService {

    private static final Logger log = LoggerFactory.getLogger(OutreachService.class);
    public static final String PROCESS_KEY = "outreach";
    public static final String MESSAGE_ALL_ENROLLED = "OutreachAllEnrolled";

    public record Person(String idNumberMasked, String name, String township, List<String> categories) {}

    private record Row(String idNumber, String name, String township, String categories) {}

    public record Opened(long outreachId, String businessKey, String township, int people, String processInstanceId) {}

    private final JdbcTemplate jdbc;
    private final PolicyService policies;
    private final Rosters rosters;
    private final EnrollmentQueries enrollments;
    private final RuntimeService runtime;
    private final Clock clock;

    OutreachService(
            JdbcTemplate jdbc,
            PolicyService policies,
            Rosters rosters,
            EnrollmentQueries enrollments,
            RuntimeService runtime,
            Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.rosters = rosters;
        this.enrollments = enrollments;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Roster people of the region (valid during the coverage year) without an ENROLLED case for the year. */
    @Transactional(readOnly = true)
    public List<Person> notEnrolled(String regionCode, int coverageYear, String township) {
        return rows(regionCode, coverageYear, township).stream()
                .map(r -> new Person(
                        ResidentIdNumber.mask(r.idNumber()),
                        r.name(),
                        r.township(),
                        Arrays.stream(r.categories().split(","))
                                .map(c -> HardshipCategory.valueOf(c).chineseName())
                                .toList()))
                .toList();
    }

    /** The rosters' people (hardship module) less those the enrollment module has enrolled for the year. */
    private List<Row> rows(String regionCode, int coverageYear, String township) {
        Periods periods =
                policies.activeSnapshot(regionCode, coverageYear).parameters().periods();
        List<Rosters.ListedPerson> listed =
                rosters.listed(regionCode, periods.coverageStart(), periods.coverageEnd(), township);
        Set<String> enrolled = enrollments.enrolled(
                listed.stream().map(Rosters.ListedPerson::idNumber).toList(), coverageYear);
        return listed.stream()
                .filter(p -> !enrolled.contains(p.idNumber()))
                .map(p -> new Row(p.idNumber(), p.name(), p.township(), String.join(",", p.categories())))
                .toList();
    }

    /** Opens one outreach task per township (or for the one township) that has people left and no open task. */
    @Transactional
    public List<Opened> open(String regionCode, int coverageYear, String township, String userId) {
        Map<String, List<Row>> byTownship = rows(regionCode, coverageYear, township).stream()
                .collect(Collectors.groupingBy(Row::township, LinkedHashMap::new, Collectors.toList()));
        List<Opened> opened = new ArrayList<>();
        byTownship.forEach((name, people) -> {
            Integer open = jdbc.queryForObject(
                    "select count(*) from yibao.outreach where region_code = ? and "
                            + "coverage_year = ? and township = ? and status = 'OPEN'",
                    Integer.class,
                    regionCode,
                    coverageYear,
                    name);
            if (open != null && open > 0) {
                return;
            }
            int n = jdbc.queryForObject(
                    "select count(*) + 1 from yibao.outreach where region_code = ? and "
                            + "coverage_year = ? and township = ?",
                    Integer.class,
                    regionCode,
                    coverageYear,
                    name);
            String key = "OUT-" + regionCode + "-" + coverageYear + "-" + name + "-" + n;
            Long id = jdbc.queryForObject(
                    """
                    insert into yibao.outreach (business_key, region_code, coverage_year, township, status, opened_by,
                                                opened_at)
                    values (?, ?, ?, ?, 'OPEN', ?, ?) returning id""", Long.class, key, regionCode, coverageYear, name, userId, Timestamp.from(clock.instant()));
            jdbc.batchUpdate(
                    "insert into yibao.outreach_entry (outreach_id, id_number, name, categories) "
                            + "values (?, ?, ?, ?)",
                    people,
                    500,
                    (ps, r) -> {
                        ps.setLong(1, id);
                        ps.setString(2, r.idNumber());
                        ps.setString(3, r.name());
                        ps.setString(4, r.categories());
                    });
            String list = people.stream()
                    .map(r -> r.name() + "  " + ResidentIdNumber.mask(r.idNumber()) + "  "
                            + Arrays.stream(r.categories().split(","))
                                    .map(c -> HardshipCategory.valueOf(c).chineseName())
                                    .collect(Collectors.joining("、")))
                    .collect(Collectors.joining("\n"));
            ProcessInstance pi = runtime.createProcessInstanceByKey(PROCESS_KEY)
                    .businessKey(key)
                    .setVariables(Variables.createVariables()
                            .putValue("outreachId", id)
                            .putValue("township", name)
                            .putValue("regionCode", regionCode)
                            .putValue("coverageYear", coverageYear)
                            .putValue("residentList", list)
                            .putValue("remaining", people.size()))
                    .execute();
            jdbc.update("update yibao.outreach set process_instance_id = ? where id = ?", pi.getId(), id);
            opened.add(new Opened(id, key, name, people.size(), pi.getId()));
        });
        return opened;
    }

    /** Someone on an open outreach list enrolled: update what is left; close the task when nobody is left. */
    @EventListener
    public void enrolled(CoverageActivated event) {
        List<Map<String, Object>> open =
                jdbc.queryForList("""
                select o.id, o.process_instance_id from yibao.outreach o
                join yibao.outreach_entry e on e.outreach_id = o.id
                where e.id_number = ? and o.region_code = ? and o.coverage_year = ? and o.status = 'OPEN'""", event.idNumber(), event.regionCode(), event.coverageYear());
        for (Map<String, Object> o : open) {
            long id = ((Number) o.get("id")).longValue();
            String processInstanceId = (String) o.get("process_instance_id");
            List<String> listed = jdbc.queryForList(
                    "select id_number from yibao.outreach_entry where outreach_id = ?", String.class, id);
            int remaining = listed.size()
                    - enrollments.enrolled(listed, event.coverageYear()).size();
            if (remaining > 0) {
                runtime.setVariable(processInstanceId, "remaining", remaining);
                continue;
            }
            close(id, "ALL_ENROLLED", null);
            runtime.createMessageCorrelation(MESSAGE_ALL_ENROLLED)
                    .processInstanceId(processInstanceId)
                    .correlate();
            log.info("Outreach {}: everyone on the list is enrolled", id);
        }
    }

    void close(long outreachId, String outcome, String note) {
        jdbc.update(
                "update yibao.outreach set status = 'CLOSED', outcome = ?, note = ?, closed_at = ? where id = ?",
                outcome,
                note,
                Timestamp.from(clock.instant()),
                outreachId);
    }
}
