package com.yibaoflow.enrollment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign's figures for a region and coverage year (the supervisor dashboard, issue #21 §4), in one grouped
 * statement over the region's tally of the year and the year before (migration V64: cases counted per township,
 * status, category and day) plus the changes not folded into it yet ({@link EnrollmentTallyFold}): a few thousand
 * rows instead of every case, and in one statement, so always exactly the figures of the cases themselves.
 */
@Service
@Transactional(readOnly = true)
public class EnrollmentStatistics {

    /**
     * The cases of one township: enrolled (paid and covered), awaiting payment, lapsed (deadline passed unpaid), still
     * in intake or review, and enrolled the year before (the only reference figure the system holds: no township
     * targets exist).
     */
    public record TownshipProgress(
            String township,
            long enrolled,
            long awaitingPayment,
            long lapsed,
            long inReview,
            long previousYearEnrolled) {}

    /** Enrolled cases whose personal contribution a hardship category subsidised, and the subsidies' sum (CNY). */
    public record CategorySubsidy(String category, long enrollments, BigDecimal subsidyTotal) {}

    /** Applications received in the week starting Monday {@code weekStart}, and how many of them are enrolled. */
    public record WeeklyIntake(LocalDate weekStart, long received, long enrolled) {}

    public record Statistics(
            List<TownshipProgress> townships, List<CategorySubsidy> categories, List<WeeklyIntake> weeks) {}

    /**
     * The three groupings over the tally and the pending deltas (parameters: year, year, region, year, year before,
     * region, year, year before). Keys left without cases (a delta cancelling the tally) are no group.
     */
    static final String TALLY_SQL = """
            select grouping(township) as by_other_than_township, grouping(applied_category) as by_other_than_category,
                   township, applied_category, week,
                   coalesce(sum(cases) filter (where this_year and status = 'ENROLLED'), 0) as enrolled,
                   coalesce(sum(cases) filter (where this_year and status = 'AWAITING_PAYMENT'), 0) as awaiting,
                   coalesce(sum(cases) filter (where this_year and status = 'LAPSED'), 0) as lapsed,
                   coalesce(sum(cases) filter (where this_year and status in ('RECEIVED', 'IN_REVIEW')), 0)
                       as in_review,
                   coalesce(sum(cases) filter (where not this_year and status = 'ENROLLED'), 0) as previous_enrolled,
                   coalesce(sum(cases) filter (where this_year), 0) as received,
                   coalesce(sum(subsidy) filter (where this_year and status = 'ENROLLED'), 0) as subsidy
            from (select township, applied_category, status, cases, subsidy, coverage_year = ? as this_year,
                         case when coverage_year = ? then date_trunc('week', applied_on::timestamp)::date end as week
                  from (select township, applied_category, status, cases, subsidy, coverage_year, applied_on
                        from yibao.enrollment_tally
                        where region_code = ? and coverage_year in (?, ?)
                        union all
                        select township, applied_category, status, cases, subsidy, coverage_year, applied_on
                        from yibao.enrollment_tally_delta
                        where region_code = ? and coverage_year in (?, ?)) counted) c
            group by grouping sets ((township), (applied_category), (week))
            having sum(cases) > 0
            order by township, applied_category, week""";

    private final JdbcTemplate jdbc;

    EnrollmentStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Statistics of(String regionCode, int coverageYear) {
        return grouped(
                jdbc,
                TALLY_SQL,
                coverageYear,
                coverageYear,
                regionCode,
                coverageYear,
                coverageYear - 1,
                regionCode,
                coverageYear,
                coverageYear - 1);
    }

    /**
     * The figures of a statement grouped by {@code grouping sets ((township), (applied_category), (week))} with the
     * columns of {@link #TALLY_SQL} (the tests' oracle over the cases themselves reads through it too).
     */
    static Statistics grouped(JdbcTemplate jdbc, String sql, Object... args) {
        List<TownshipProgress> townships = new ArrayList<>();
        List<CategorySubsidy> categories = new ArrayList<>();
        List<WeeklyIntake> weeks = new ArrayList<>();
        jdbc.query(
                sql,
                rs -> {
                    boolean byTownship = rs.getInt("by_other_than_township") == 0;
                    boolean byCategory = rs.getInt("by_other_than_category") == 0;
                    if (byTownship) {
                        townships.add(new TownshipProgress(
                                rs.getString("township"),
                                rs.getLong("enrolled"),
                                rs.getLong("awaiting"),
                                rs.getLong("lapsed"),
                                rs.getLong("in_review"),
                                rs.getLong("previous_enrolled")));
                    } else if (byCategory) {
                        if (rs.getString("applied_category") != null && rs.getLong("enrolled") > 0) {
                            categories.add(new CategorySubsidy(
                                    rs.getString("applied_category"),
                                    rs.getLong("enrolled"),
                                    rs.getBigDecimal("subsidy").setScale(2, RoundingMode.HALF_UP)));
                        }
                    } else {
                        Date week = rs.getDate("week");
                        if (week != null) {
                            weeks.add(new WeeklyIntake(
                                    week.toLocalDate(), rs.getLong("received"), rs.getLong("enrolled")));
                        }
                    }
                },
                args);
        return new Statistics(List.copyOf(townships), List.copyOf(categories), List.copyOf(weeks));
    }
}
