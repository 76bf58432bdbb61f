package com.yibaoflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The latest scan's warnings by group (issue #21 §4), over scans seeded in 341721 for 2041 (no test scans it). */
@IntegrationTest
class WarningStatisticsTests {

    @Autowired
    WarningStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLatestScanOfTheRegionAndYearCountsItsWarningsPerGroup() {
        long older = scan("341721", 2041, "2041-03-31", "2041-04-01T02:00:00Z", 50, 1);
        warning(older, "SEED00000000000001", "LOW_INCOME", "9999.00");
        long latest = scan("341721", 2041, "2041-06-30", "2041-07-01T02:00:00Z", 60, 3);
        warning(latest, "SEED00000000000001", "LOW_INCOME", "12000.50");
        warning(latest, "SEED00000000000002", "LOW_INCOME", "10000.00");
        warning(latest, "SEED00000000000003", "OTHER", "30000.00");
        scan("341721", 2040, "2040-12-31", "2041-08-01T02:00:00Z", 10, 0); // another year
        scan("341723", 2041, "2041-07-31", "2041-08-01T02:00:00Z", 10, 0); // another region

        WarningStatistics.LatestScan scan = statistics.latest("341721", 2041).orElseThrow();

        assertThat(scan.scanId()).isEqualTo(latest);
        assertThat(scan.asOf()).isEqualTo(LocalDate.of(2041, 6, 30));
        assertThat(scan.scanned()).isEqualTo(60);
        assertThat(scan.warnings()).isEqualTo(3);
        assertThat(scan.groups())
                .containsExactly(
                        new WarningStatistics.GroupWarnings("LOW_INCOME", 2, new BigDecimal("22000.50")),
                        new WarningStatistics.GroupWarnings("OTHER", 1, new BigDecimal("30000.00")));
    }

    @Test
    void aScanWithoutWarningsHasNoGroupsAndAnUnscannedYearNoScan() {
        scan("341721", 2042, "2042-06-30", "2042-07-01T02:00:00Z", 20, 0);
        WarningStatistics.LatestScan scan = statistics.latest("341721", 2042).orElseThrow();
        assertThat(scan.scanned()).isEqualTo(20);
        assertThat(scan.groups()).isEmpty();
        assertThat(statistics.latest("341721", 2063)).isEmpty();
    }

    private long scan(String region, int year, String asOf, String startedAt, int scanned, int warnings) {
        return jdbc.queryForObject(
                """
                insert into yibao.monitoring_scan (region_code, coverage_year, as_of, policy_label, started_by,
                    started_at, duration_ms, scanned, candidates, warnings)
                values (?, ?, ?, 'test', 'test', ?, 1, ?, ?, ?) returning id""",
                Long.class,
                region,
                year,
                java.sql.Date.valueOf(asOf),
                Timestamp.from(Instant.parse(startedAt)),
                scanned,
                warnings,
                warnings);
    }

    private void warning(long scanId, String idNumber, String group, String outOfPocket) {
        BigDecimal amount = new BigDecimal(outOfPocket);
        jdbc.update("""
                insert into yibao.monitoring_warning (scan_id, id_number, population_group, categories, claims,
                    total_cost, basic_paid, critical_paid, assistance_paid, out_of_pocket, warning_line,
                    layers_computed)
                values (?, ?, ?, '', 1, ?, 0, 0, 0, ?, 10000, true)""", scanId, idNumber, group, amount, amount);
    }
}
