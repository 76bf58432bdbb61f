package com.yibaoflow.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The system's one "now": the wall clock shifted by an offset, so that a demo or a test can live on any day of a
 * coverage year while time keeps ticking. Every shift is applied to the engine's clock too ({@link ClockUtil}), so
 * BPMN timers and task due dates read the same day as our services.
 */
public final class ShiftableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public ShiftableClock(Clock base) {
        this.base = base;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    /** Moves "now" to the given instant; time keeps ticking from there. */
    public synchronized void setInstant(Instant target) {
        offset = Duration.between(base.instant(), target);
        ClockUtil.offset(offset.toMillis());
    }

    /** Moves "now" to the given day at the given local time. */
    public void setToday(LocalDate day, LocalTime time) {
        setInstant(day.atTime(time).atZone(getZone()).toInstant());
    }

    /** Moves "now" forward, e.g. past a timer's due date. */
    public synchronized void advance(Duration duration) {
        setInstant(instant().plus(duration));
    }

    /** Back to the wall clock. */
    public synchronized void reset() {
        offset = Duration.ZERO;
        ClockUtil.reset();
    }

    /** How far "now" is from the wall clock: zero unless a demo or a test moved it. */
    public Duration offset() {
        return offset;
    }

    public LocalDate today() {
        return LocalDate.now(this);
    }
}
