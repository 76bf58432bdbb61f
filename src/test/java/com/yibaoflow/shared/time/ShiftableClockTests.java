package com.yibaoflow.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShiftableClockTests {

    private final ShiftableClock clock = new ShiftableClock(Clock.system(ZoneId.of("Asia/Shanghai")));

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void movesToADayAndKeepsTheEngineClockInStep() {
        clock.setToday(LocalDate.of(2024, 12, 31), LocalTime.of(9, 0));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2024, 12, 31));
        long engineMillis = ClockUtil.now().getTime();
        assertThat(Math.abs(engineMillis - clock.millis())).isLessThan(1000);
    }

    @Test
    void advancesAndResets() {
        clock.setToday(LocalDate.of(2025, 1, 1), LocalTime.NOON);
        clock.advance(Duration.ofDays(3));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2025, 1, 4));
        clock.reset();
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(ClockUtil.now().toInstant(), Instant.now()).abs())
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void configurationStartsOnTheConfiguredDay() {
        ShiftableClock configured = new ClockConfiguration().clock("2024-11-15");
        try {
            assertThat(configured.today()).isEqualTo(LocalDate.of(2024, 11, 15));
            assertThat(configured.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        } finally {
            configured.reset();
        }
    }
}
