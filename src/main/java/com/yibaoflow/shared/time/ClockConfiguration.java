package com.yibaoflow.shared.time;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the system's one {@link Clock} (zone Asia/Shanghai), optionally starting on a configured day. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalTime START_OF_OFFICE_DAY = LocalTime.of(9, 0);

    @Bean
    ShiftableClock clock(@Value("${yibaoflow.clock.start-date:}") String startDate) {
        ShiftableClock clock = new ShiftableClock(Clock.system(ZONE));
        if (startDate != null && !startDate.isBlank()) {
            try {
                clock.setToday(LocalDate.parse(startDate.trim()), START_OF_OFFICE_DAY);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        "yibaoflow.clock.start-date (YIBAOFLOW_START_DATE) must be a date like 2024-11-15, was: "
                                + startDate,
                        e);
            }
        }
        return clock;
    }
}
