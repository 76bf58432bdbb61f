package com.yibaoflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.enrollment.EnrollmentStatistics.WeeklyIntake;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend line covers every week of the collection period, zeros included (issue #21 §4). */
class DashboardTrendTests {

    @Test
    void everyWeekOfThePeriodAppearsAndWeeksOutsideItWithApplicationsToo() {
        // 2024-09-01 is a Sunday: its week starts Monday 2024-08-26; 2024-09-20 is in the week of 2024-09-16
        Dashboard.Period period = new Dashboard.Period(LocalDate.of(2024, 9, 1), LocalDate.of(2024, 9, 20));
        List<Dashboard.Week> trend = DashboardService.trend(
                List.of(
                        new WeeklyIntake(LocalDate.of(2024, 9, 9), 5, 3),
                        new WeeklyIntake(LocalDate.of(2024, 10, 7), 1, 0)),
                period);
        assertThat(trend)
                .containsExactly(
                        new Dashboard.Week(LocalDate.of(2024, 8, 26), 0, 0),
                        new Dashboard.Week(LocalDate.of(2024, 9, 2), 0, 0),
                        new Dashboard.Week(LocalDate.of(2024, 9, 9), 5, 3),
                        new Dashboard.Week(LocalDate.of(2024, 9, 16), 0, 0),
                        new Dashboard.Week(LocalDate.of(2024, 10, 7), 1, 0));
    }

    @Test
    void withoutAPeriodOnlyTheWeeksWithApplications() {
        assertThat(DashboardService.trend(List.of(new WeeklyIntake(LocalDate.of(2024, 9, 9), 2, 1)), null))
                .containsExactly(new Dashboard.Week(LocalDate.of(2024, 9, 9), 2, 1));
    }
}
