package com.yibaoflow.shared.time;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of user tasks and the timers that watch them, counted in working days from the system clock. Exposed to
 * the BPMN models as {@code ${dueDates.workingDaysFromNow(5)}}. Working days are those of the {@link WorkingCalendar}:
 * Monday to Friday, without the statutory holidays of the holiday calendar, with its make-up working weekends (调休).
 */
@Component("dueDates")
public class DueDates {

    /** Tasks fall due at the close of the office day. */
    public static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(17, 30);

    private final ShiftableClock clock;
    private final WorkingCalendar calendar;

    public DueDates(ShiftableClock clock, WorkingCalendar calendar) {
        this.clock = clock;
        this.calendar = calendar;
    }

    /** The close of business on the n-th working day after today. */
    public Date workingDaysFromNow(int workingDays) {
        return workingDaysAfter(clock.today(), workingDays);
    }

    /** The close of business on the n-th working day after the given day. */
    public Date workingDaysAfter(LocalDate from, int workingDays) {
        return Date.from(calendar.addWorkingDays(from, workingDays)
                .atTime(CLOSE_OF_BUSINESS)
                .atZone(ClockConfiguration.ZONE)
                .toInstant());
    }

    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        return calendar.addWorkingDays(from, workingDays);
    }
}
