package com.yibaoflow.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reminder or escalation a process sent to a department of a region (and, for townships, one township). */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_group", nullable = false, updatable = false)
    private String recipientGroup;

    @Column(name = "region_code", updatable = false)
    private String regionCode;

    @Column(updatable = false)
    private String township;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "business_key", updatable = false)
    private String businessKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Notification() {}

    Notification(
            String recipientGroup,
            String regionCode,
            String township,
            String subject,
            String body,
            String businessKey,
            Instant createdAt) {
        this.recipientGroup = recipientGroup;
        this.regionCode = regionCode;
        this.township = township;
        this.subject = subject;
        this.body = body;
        this.businessKey = businessKey;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String recipientGroup() {
        return recipientGroup;
    }

    public String regionCode() {
        return regionCode;
    }

    public String township() {
        return township;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String businessKey() {
        return businessKey;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
