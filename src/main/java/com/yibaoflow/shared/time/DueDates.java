package com.yibaoflow.shared.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks and the timers that watch them, counted in working days from the system clock. Exposed to
 * the BPMN models as {@code ${dueDates.workingDaysFromNow(5)}}. A working day is Monday to Friday; statutory holidays
 * and the make-up working weekends of the State Council calendar are not modelled (a due date may fall one holiday
 * early, never late).
 */
@Component("dueDates")
public class DueDates {

    /** Tasks fall due at the close of the office day. */
    public static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 30);

    private final ShiftableClock clock;

    public DueDates(ShiftableClock clock) {
        this.clock = clock;
    }

    /** The close of business on the n-th working day after today. */
    public Date workingDaysFromNow(int workingDays) {
        return Date.from(addWorkingDays(clock.today(), workingDays)
                .atTime(CLOSE_OF_BUSINESS)
                .atZone(ClockConfiguration.ZONE)
                .toInstant());
    }

    public static LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative, was " + workingDays);
        }
        LocalDate day = from;
        int added = 0;
        while (added < workingDays) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return day;
    }
}
