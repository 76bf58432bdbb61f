package com.yibaoflow.audit;

import com.yibaoflow.shared.id.ResidentIdNumber;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue #20 §6 "who looked", for the other modules: a view that shows a person's data (a case with the full ID
 * number, a person's burden) records here that the current user was shown it. The read is logged in a transaction of
 * its own: the views read in read-only transactions, and a logged read stays logged whatever the request does next.
 * Auditors list the reads with {@code GET /api/audit/reads?subject=<business key or ID number>}: a read whose subject
 * is a business key is listed by the ID number it ends with too ({@code ENR-341721-2025-<ID number>}).
 */
@Component
public class PersonReads {

    /** An enrollment case with the resident's full ID number ({@code GET /api/enrollments/{id}} and its answers). */
    public static final String ENROLLMENT_CASE = "ENROLLMENT_CASE";

    /** A person's burden history, warnings and referrals ({@code GET /api/monitoring/persons/{idNumber}}). */
    public static final String PERSON_BURDEN = "PERSON_BURDEN";

    /** A case's trail with every business key in it ({@code GET /api/cases/{businessKey}/trail}, JSON, CSV, XLSX). */
    public static final String CASE_TRAIL = "CASE_TRAIL";

    /** The path each process of a case took, the case page's data ({@code GET /api/cases/{businessKey}/diagrams}). */
    public static final String CASE_DIAGRAMS = "CASE_DIAGRAMS";

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

    /**
     * Records that the current user was shown {@code what} of the case {@code businessKey} and of the cases it called
     * or that name it ({@code businessKeys}, which show their own ID numbers): one read of the case, and one for each
     * other person those keys end with, so that listing by that person's ID number finds it too.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void shownCase(String what, String businessKey, Collection<String> businessKeys, String purpose) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String by = user == null ? "system" : user.getName();
        log.record(by, what, businessKey, purpose);
        for (String person : personsOf(businessKeys)) {
            if (!businessKey.endsWith("-" + person)) {
                log.record(by, what, person, purpose == null ? businessKey : businessKey + " " + purpose);
            }
        }
    }

    /** The ID numbers business keys end with (every person's case key does: {@code HV-ENR-341721-2025-<ID>}). */
    static Set<String> personsOf(Collection<String> businessKeys) {
        Set<String> persons = new LinkedHashSet<>();
        for (String key : businessKeys) {
            String last = key == null ? "" : key.substring(key.lastIndexOf('-') + 1);
            if (ResidentIdNumber.isValid(last)) {
                persons.add(last);
            }
        }
        return persons;
    }
}
