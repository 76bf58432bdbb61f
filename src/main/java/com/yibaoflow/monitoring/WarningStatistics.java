package com.yibaoflow.monitoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warnings of the latest burden scan of a region and coverage year (R-MON-01, R-MON-02) by population group,
 * for the supervisor dashboard (issue #21 §4). Each scan keeps its own warnings, so the latest scan is the current
 * picture.
 */
@Service
@Transactional(readOnly = true)
public class WarningStatistics {

    /** Warnings of one population group ({@code LOW_INCOME}, {@code FORMERLY_POOR}, …) and their out-of-pocket sum. */
    public record GroupWarnings(String populationGroup, long warnings, BigDecimal outOfPocket) {}

    public record LatestScan(
            long scanId, LocalDate asOf, Instant startedAt, long scanned, long warnings, List<GroupWarnings> groups) {}

    private final JdbcTemplate jdbc;

    WarningStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LatestScan> latest(String regionCode, int coverageYear) {
        List<GroupWarnings> groups = new ArrayList<>();
        LatestScan[] scan = new LatestScan[1];
        jdbc.query(
                """
                select s.id, s.as_of, s.started_at, s.scanned, s.warnings, w.population_group,
                       count(w.id_number) as group_warnings, coalesce(sum(w.out_of_pocket), 0) as out_of_pocket
                from yibao.monitoring_scan s
                left join yibao.monitoring_warning w on w.scan_id = s.id
                where s.id = (select id from yibao.monitoring_scan where region_code = ? and coverage_year = ?
                              order by started_at desc, id desc limit 1)
                group by s.id, s.as_of, s.started_at, s.scanned, s.warnings, w.population_group
                order by w.population_group""",
                rs -> {
                    if (scan[0] == null) {
                        scan[0] = new LatestScan(
                                rs.getLong("id"),
                                rs.getDate("as_of").toLocalDate(),
                                rs.getTimestamp("started_at").toInstant(),
                                rs.getLong("scanned"),
                                rs.getLong("warnings"),
                                groups);
                    }
                    if (rs.getString("population_group") != null) {
                        groups.add(new GroupWarnings(
                                rs.getString("population_group"),
                                rs.getLong("group_warnings"),
                                rs.getBigDecimal("out_of_pocket").setScale(2, RoundingMode.HALF_UP)));
                    }
                },
                regionCode,
                coverageYear);
        return Optional.ofNullable(scan[0])
                .map(s -> new LatestScan(
                        s.scanId(), s.asOf(), s.startedAt(), s.scanned(), s.warnings(), List.copyOf(groups)));
    }
}
