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
 * statement over the region's cases of the year and the year before: one scan of the cases, three groupings.
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

    private final JdbcTemplate jdbc;

    EnrollmentStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Statistics of(String regionCode, int coverageYear) {
        List<TownshipProgress> townships = new ArrayList<>();
        List<CategorySubsidy> categories = new ArrayList<>();
        List<WeeklyIntake> weeks = new ArrayList<>();
        jdbc.query(
                """
                select grouping(township) as by_other_than_township, grouping(applied_category) as by_other_than_category,
                       township, applied_category, week,
                       count(*) filter (where this_year and status = 'ENROLLED') as enrolled,
                       count(*) filter (where this_year and status = 'AWAITING_PAYMENT') as awaiting,
                       count(*) filter (where this_year and status = 'LAPSED') as lapsed,
                       count(*) filter (where this_year and status in ('RECEIVED', 'IN_REVIEW')) as in_review,
                       count(*) filter (where not this_year and status = 'ENROLLED') as previous_enrolled,
                       count(*) filter (where this_year) as received,
                       coalesce(sum(subsidy) filter (where this_year and status = 'ENROLLED'), 0) as subsidy
                from (select township, applied_category, status, subsidy, coverage_year = ? as this_year,
                             case when coverage_year = ?
                                  then date_trunc('week', created_at at time zone 'Asia/Shanghai')::date end as week
                      from yibao.enrollment_case
                      where region_code = ? and coverage_year in (?, ?)) c
                group by grouping sets ((township), (applied_category), (week))
                order by township, applied_category, week""",
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
                coverageYear,
                coverageYear,
                regionCode,
                coverageYear,
                coverageYear - 1);
        return new Statistics(List.copyOf(townships), List.copyOf(categories), List.copyOf(weeks));
    }
}
