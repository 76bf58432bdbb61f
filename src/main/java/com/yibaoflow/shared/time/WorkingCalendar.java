package com.yibaoflow.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The office's working days: Monday to Friday, except the statutory holidays of the holiday calendar, plus the
 * make-up working weekends (调休) it lists. The calendar is data ({@code yibao.holiday}, seeded by V59 for 2025 and 2026):
 * a year not on record counts Monday to Friday only, so a due date in it may fall a holiday early, never late.
 */
@Component
public class WorkingCalendar {

    /** Far enough for any deadline of the processes: 10 working days never span more than a month of holidays. */
    private static final int LOOKAHEAD_DAYS = 60;

    private final JdbcTemplate jdbc;

    public WorkingCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The n-th working day after {@code from} ({@code from} itself when n is 0). */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative, was " + workingDays);
        }
        LocalDate day = from;
        int added = 0;
        while (added < workingDays) {
            LocalDate windowEnd = day.plusDays(LOOKAHEAD_DAYS + 2L * (workingDays - added));
            Map<LocalDate, Boolean> listed = listed(day.plusDays(1), windowEnd);
            while (added < workingDays && day.isBefore(windowEnd)) {
                day = day.plusDays(1);
                if (isWorkingDay(day, listed)) {
                    added++;
                }
            }
        }
        return day;
    }

    public boolean isWorkingDay(LocalDate day) {
        return isWorkingDay(day, listed(day, day));
    }

    private static boolean isWorkingDay(LocalDate day, Map<LocalDate, Boolean> listed) {
        Boolean working = listed.get(day);
        if (working != null) {
            return working;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The days the calendar lists between the two (inclusive): true for a make-up working day, false for a holiday. */
    private Map<LocalDate, Boolean> listed(LocalDate from, LocalDate to) {
        Map<LocalDate, Boolean> days = new HashMap<>();
        jdbc.query(
                "SELECT day, kind FROM yibao.holiday WHERE day BETWEEN ? AND ?",
                rs -> {
                    days.put(rs.getObject("day", LocalDate.class), "WORKDAY".equals(rs.getString("kind")));
                },
                from,
                to);
        return days;
    }
}
