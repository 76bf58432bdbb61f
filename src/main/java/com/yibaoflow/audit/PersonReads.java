package com.yibaoflow.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue #20 §6 "who looked", for the other modules: a view that shows a person's data (a case with the full ID
 * number, a person's burden) records here that the current user was shown it. The read is logged in a transaction of
 * its own: the views read in read-only transactions, and a logged read stays logged whatever the request does next.
 * Auditors list the reads with {@code GET /api/audit/reads?subject=<business key or ID number>}.
 */
@Component
public class PersonReads {

    /** An enrollment case with the resident's full ID number ({@code GET /api/enrollments/{id}} and its answers). */
    public static final String ENROLLMENT_CASE = "ENROLLMENT_CASE";

    /** A person's burden history, warnings and referrals ({@code GET /api/monitoring/persons/{idNumber}}). */
    public static final String PERSON_BURDEN = "PERSON_BURDEN";

    private final ReadLog log;

    PersonReads(ReadLog log) {
        this.log = log;
    }

    /**
     * Records that the current user (or {@code system} outside a request) was shown {@code what} of {@code subject}
     * (a business key or an ID number); {@code purpose} is the reason the caller gave, {@code null} when its API asks
     * for none.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void shown(String what, String subject, String purpose) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        log.record(user == null ? "system" : user.getName(), what, subject, purpose);
    }
}
