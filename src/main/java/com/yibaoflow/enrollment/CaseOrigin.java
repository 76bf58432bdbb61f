package com.yibaoflow.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * Where a case came from (the door, the import file if any), who created it and when: written once at intake.
 * Columns of {@code enrollment_case}; read through {@link OriginDetails}.
 */
@Embeddable
class CaseOrigin {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    EnrollmentSource source;

    @Column(name = "import_id", updatable = false)
    Long importId;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    String createdBy;

    CaseOrigin() {}

    CaseOrigin(EnrollmentSource source, Long importId, Instant createdAt, String createdBy) {
        this.source = source;
        this.importId = importId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }
}
