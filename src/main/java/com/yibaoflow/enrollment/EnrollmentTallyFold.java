package com.yibaoflow.enrollment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Moves the changes the triggers of migration V64 appended to {@code yibao.enrollment_tally_delta} into
 * {@code yibao.enrollment_tally} (issue #21 §4), every {@code yibaoflow.enrollment.tally-fold-interval}. Every node
 * runs it; {@code yibao.enrollment_tally_fold()} lets one fold at a time and the others skip. The figures are exact
 * whenever the fold runs: {@link EnrollmentStatistics} adds the deltas not folded yet. The fold only keeps the delta
 * table short, so that reading it stays cheap.
 */
@Service
class EnrollmentTallyFold {

    private final JdbcTemplate jdbc;

    EnrollmentTallyFold(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One fold, in its own transaction: how many delta rows it folded, or -1 when another node was folding. */
    @Scheduled(
            initialDelayString = "${yibaoflow.enrollment.tally-fold-interval:5s}",
            fixedDelayString = "${yibaoflow.enrollment.tally-fold-interval:5s}")
    public long fold() {
        return jdbc.queryForObject("select yibao.enrollment_tally_fold()", Long.class);
    }
}
