package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.SeededCases;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The campaign's figures in one statement (issue #21 §4), over cases seeded in 341721 for 2041 (and 2040). */
@IntegrationTest
class EnrollmentStatisticsTests {

    static final String REGION = "341721";

    @Autowired
    EnrollmentStatistics statistics;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void countsEachTownshipsCasesSubsidiesPerCategoryAndApplicationsPerWeek() {
        // Monday 2040-09-03 and Monday 2040-09-10, Asia/Shanghai; 2040-09-09 23:30 in Shanghai is still that week
        Instant week1 = Instant.parse("2040-09-04T02:00:00Z");
        Instant week1Late = Instant.parse("2040-09-09T15:30:00Z");
        Instant week2 = Instant.parse("2040-09-10T02:00:00Z");
        seed("尧渡镇", "ENROLLED", "EXTREME_POVERTY", "400.00", week1);
        seed("尧渡镇", "ENROLLED", "EXTREME_POVERTY", "400.00", week1Late);
        seed("尧渡镇", "ENROLLED", "MINIMUM_LIVING", "280.50", week2);
        seed("尧渡镇", "ENROLLED", null, null, week2);
        seed("尧渡镇", "AWAITING_PAYMENT", "MINIMUM_LIVING", "280.50", week2);
        seed("尧渡镇", "LAPSED", null, null, week1);
        seed("东流镇", "IN_REVIEW", null, null, week2);
        seed("东流镇", "RECEIVED", null, null, week2);
        seed("东流镇", "REJECTED", null, null, week2);
        // the year before: two enrolled in 尧渡镇, one in 大渡口镇 (which has no case this year), one lapsed
        for (String township : new String[] {"尧渡镇", "尧渡镇", "大渡口镇"}) {
            SeededCases.insert(
                    jdbc, REGION, 2040, township, "ENROLLED", null, null, Instant.parse("2039-10-01T02:00:00Z"));
        }
        SeededCases.insert(jdbc, REGION, 2040, "尧渡镇", "LAPSED", null, null, Instant.parse("2039-10-01T02:00:00Z"));
        // another region's case counts nowhere
        SeededCases.insert(jdbc, "341723", 2041, "尧渡镇", "ENROLLED", null, null, week1);

        EnrollmentStatistics.Statistics s = statistics.of(REGION, 2041);

        assertThat(s.townships())
                .containsExactly(
                        new EnrollmentStatistics.TownshipProgress("东流镇", 0, 0, 0, 2, 0),
                        new EnrollmentStatistics.TownshipProgress("大渡口镇", 0, 0, 0, 0, 1),
                        new EnrollmentStatistics.TownshipProgress("尧渡镇", 4, 1, 1, 0, 2));
        // only enrolled cases count: the subsidy of one still awaiting payment is not spent yet
        assertThat(s.categories())
                .containsExactly(
                        new EnrollmentStatistics.CategorySubsidy("EXTREME_POVERTY", 2, new BigDecimal("800.00")),
                        new EnrollmentStatistics.CategorySubsidy("MINIMUM_LIVING", 1, new BigDecimal("280.50")));
        assertThat(s.weeks())
                .containsExactly(
                        new EnrollmentStatistics.WeeklyIntake(LocalDate.of(2040, 9, 3), 3, 2),
                        new EnrollmentStatistics.WeeklyIntake(LocalDate.of(2040, 9, 10), 6, 2));
    }

    @Test
    void aYearWithoutCasesHasNoFigures() {
        EnrollmentStatistics.Statistics s = statistics.of(REGION, 2061);
        assertThat(s.townships()).isEmpty();
        assertThat(s.categories()).isEmpty();
        assertThat(s.weeks()).isEmpty();
    }

    private void seed(String township, String status, String category, String subsidy, Instant createdAt) {
        SeededCases.insert(
                jdbc,
                REGION,
                2041,
                township,
                status,
                category,
                subsidy == null ? null : new BigDecimal(subsidy),
                createdAt);
    }
}
