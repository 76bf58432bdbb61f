package com.yibaoflow.monitoring;

import static com.yibaoflow.shared.process.ProcessVariables.requiredString;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyVersion;
import com.yibaoflow.shared.time.ShiftableClock;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly scan ({@code processes/monitoring-monthly-scan.bpmn}, issue #19 §2): at the cron of
 * {@code yibaoflow.monitoring.monthly-scan-cron}, every region with claims settled this coverage year and active
 * policy parameters is scanned as of yesterday, one region per job (a failing region becomes its own incident). The
 * BPMN timer reads the cron from {@link MonitoringSchedule}.
 */
@Component
class MonthlyScans {

    static final String KEY = "monitoring-monthly-scan";
    static final String REGIONS = "regionsToScan";
    static final String REGION = "scanRegion";
    static final String AS_OF = "scanAsOf";
    static final String SCANNER = "monthly-scan";

    private final JdbcTemplate jdbc;
    private final PolicyService policies;
    private final BurdenScans scans;
    private final ShiftableClock clock;

    MonthlyScans(JdbcTemplate jdbc, PolicyService policies, BurdenScans scans, ShiftableClock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.scans = scans;
        this.clock = clock;
    }

    void listRegions(DelegateExecution execution) {
        LocalDate asOf = clock.today().minusDays(1);
        Set<String> active = policies.activeVersions().stream()
                .filter(v -> v.coverageYear() == asOf.getYear())
                .map(PolicyVersion::regionCode)
                .collect(Collectors.toSet());
        List<String> regions =
                new ArrayList<>(jdbc
                        .queryForList(
                                """
                        select distinct region_code from yibao.claim
                        where settlement_date between ? and ? order by region_code""", String.class, Date.valueOf(LocalDate.of(asOf.getYear(), 1, 1)), Date.valueOf(asOf))
                        .stream()
                        .filter(active::contains)
                        .toList());
        execution.setVariable(REGIONS, regions);
        execution.setVariable(AS_OF, asOf.toString());
    }

    void scanRegion(DelegateExecution execution) {
        LocalDate asOf = LocalDate.parse(requiredString(execution, AS_OF));
        scans.scan(requiredString(execution, REGION), asOf.getYear(), asOf, SCANNER);
    }
}
