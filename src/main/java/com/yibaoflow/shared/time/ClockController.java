package com.yibaoflow.shared.time;

import java.time.OffsetDateTime;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The system's "now" for the Camunda webapps (issue #21 §2). A demo lives on a day of its coverage year
 * ({@code yibaoflow.clock.start-date}) while the browser lives on the wall clock, so Tasklist would show a task
 * created a minute ago as "2 years ago" and every due date as overdue. The webapps' {@code scripts/config.js} reads
 * this before they start and, when the system's clock is shifted, makes the page's {@code Date} follow it. Outside
 * {@code /api} and without login: the time of day is no secret, and the webapps have their own login.
 */
@RestController
class ClockController {

    private final ShiftableClock clock;

    ClockController(ShiftableClock clock) {
        this.clock = clock;
    }

    @GetMapping("/clock")
    ResponseEntity<Now> now() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Now(
                        OffsetDateTime.now(clock),
                        clock.getZone().getId(),
                        !clock.offset().isZero()));
    }

    /**
     * @param now the system's current time, with the offset of its zone
     * @param zone the system's zone, Asia/Shanghai
     * @param shifted whether "now" is not the wall clock's (a demo or a test moved it)
     */
    record Now(OffsetDateTime now, String zone, boolean shifted) {}
}
