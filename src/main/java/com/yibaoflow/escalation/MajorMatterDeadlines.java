package com.yibaoflow.escalation;

import com.yibaoflow.shared.time.DueDates;
import java.util.Date;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Issue #18 §3 (催办 / 督办): each level's due date, in working days of the holiday calendar, and the later date its
 * overdue task is escalated to that level's supervisors. Exposed to the model as {@code majorMatterDeadlines}; the
 * working days are parameters per level ({@code county}, {@code city}, {@code province}, {@code finance},
 * {@code joint}): {@code yibaoflow.major-matter.deadlines.<level>.working-days} (default 10) and
 * {@code yibaoflow.major-matter.deadlines.<level>.escalation-after-working-days} (default 5 after the due date).
 * Public only because the engine's expression language calls it.
 */
@Component("majorMatterDeadlines")
public class MajorMatterDeadlines {

    static final int DEFAULT_WORKING_DAYS = 10;
    static final int DEFAULT_ESCALATION_AFTER = 5;

    private final DueDates dueDates;
    private final Environment env;

    MajorMatterDeadlines(DueDates dueDates, Environment env) {
        this.dueDates = dueDates;
        this.env = env;
    }

    int workingDays(String level) {
        return positive(level, "working-days", DEFAULT_WORKING_DAYS);
    }

    int escalationAfter(String level) {
        return positive(level, "escalation-after-working-days", DEFAULT_ESCALATION_AFTER);
    }

    /** The close of business on the level's last working day: the task's due date and its reminder. */
    public Date due(String level) {
        return dueDates.workingDaysFromNow(workingDays(level));
    }

    /** When the still open task is escalated to the level's supervisors. */
    public Date escalation(String level) {
        return dueDates.workingDaysFromNow(workingDays(level) + escalationAfter(level));
    }

    private int positive(String level, String name, int fallback) {
        String key = "yibaoflow.major-matter.deadlines." + level + "." + name;
        int value = env.getProperty(key, Integer.class, fallback);
        if (value < 1) {
            throw new IllegalStateException(key + " must be at least 1 working day, was " + value);
        }
        return value;
    }
}
