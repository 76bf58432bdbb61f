package com.yibaoflow.enrollment;

import java.time.Instant;

/** Where an {@link EnrollmentCase} came from and who created it, read-only ({@link CaseOrigin} holds it). */
public interface OriginDetails {

    /** The part of the case these details read. */
    CaseOrigin origin();

    default EnrollmentSource source() {
        return origin().source;
    }

    default Long importId() {
        return origin().importId;
    }

    default Instant createdAt() {
        return origin().createdAt;
    }

    default String createdBy() {
        return origin().createdBy;
    }
}
