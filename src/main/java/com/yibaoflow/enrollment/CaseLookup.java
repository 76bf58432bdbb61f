package com.yibaoflow.enrollment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Finds the case a step works on. An API application runs through its first steps inside the intake's
 * transaction before its row is written: the intake holds the new case here for that call, so the steps fill in
 * the very object the intake then inserts once, with their figures (one insert a case, no update). The case never
 * travels as a process variable; the engine only knows the business key.
 */
@Component
class CaseLookup {

    private static final ThreadLocal<Map<String, EnrollmentCase>> IN_INTAKE = ThreadLocal.withInitial(HashMap::new);

    private final EnrollmentCases cases;

    CaseLookup(EnrollmentCases cases) {
        this.cases = cases;
    }

    /** Runs {@code start} with the new case findable by its business key, and forgets it afterwards. */
    <T> T whileTakingIn(EnrollmentCase c, Supplier<T> start) {
        Map<String, EnrollmentCase> held = IN_INTAKE.get();
        held.put(c.businessKey(), c);
        try {
            return start.get();
        } finally {
            held.remove(c.businessKey());
            if (held.isEmpty()) {
                IN_INTAKE.remove();
            }
        }
    }

    EnrollmentCase find(CaseRef ref) {
        if (ref.businessKey() != null) {
            Map<String, EnrollmentCase> held = IN_INTAKE.get();
            EnrollmentCase taken = held.get(ref.businessKey());
            if (held.isEmpty()) {
                IN_INTAKE.remove();
            }
            if (taken != null) {
                return taken;
            }
        }
        if (ref.caseId() != null) {
            return cases.findById(ref.caseId())
                    .orElseThrow(() -> new IllegalStateException("No enrollment case " + ref.caseId()));
        }
        return cases.findByProcessInstanceId(ref.processInstanceId())
                .orElseThrow(() -> new IllegalStateException(
                        "No enrollment case for process instance " + ref.processInstanceId()));
    }

    /** The case's id, writing a case still being taken in now: the hardship verification refers to the row. */
    long persistedId(EnrollmentCase c) {
        return c.id() != null ? c.id() : cases.save(c).id();
    }
}
