package com.yibaoflow.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of one round (R-MM-02): who acted at which level, the decision and the opinion. Written once. */
@Entity
@Table(name = "major_matter_opinion")
class MajorMatterOpinion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "major_matter_id", nullable = false, updatable = false)
    private Long majorMatterId;

    @Column(nullable = false, updatable = false)
    private int round;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MajorMatterLevel level;

    @Column(name = "task_key", nullable = false, updatable = false)
    private String taskKey;

    @Column(name = "task_name", nullable = false, updatable = false)
    private String taskName;

    @Column(name = "user_id", updatable = false)
    private String userId;

    @Column(updatable = false)
    private String decision;

    @Column(updatable = false)
    private String opinion;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected MajorMatterOpinion() {}

    MajorMatterOpinion(
            Long majorMatterId,
            int round,
            MajorMatterLevel level,
            String taskKey,
            String taskName,
            String userId,
            String decision,
            String opinion,
            Instant recordedAt) {
        this.majorMatterId = majorMatterId;
        this.round = round;
        this.level = level;
        this.taskKey = taskKey;
        this.taskName = taskName;
        this.userId = userId;
        this.decision = decision;
        this.opinion = opinion;
        this.recordedAt = recordedAt;
    }

    Long id() {
        return id;
    }

    int round() {
        return round;
    }

    MajorMatterLevel level() {
        return level;
    }

    String taskKey() {
        return taskKey;
    }

    String taskName() {
        return taskName;
    }

    String userId() {
        return userId;
    }

    String decision() {
        return decision;
    }

    String opinion() {
        return opinion;
    }

    Instant recordedAt() {
        return recordedAt;
    }
}
