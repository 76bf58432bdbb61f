package com.yibaoflow.enrollment;

import java.time.Instant;
import java.util.List;

/**
 * The notifications sent about a case, for its view: provided by the notification module, which hears the
 * enrollment's events and so depends on this module, never the other way round.
 */
public interface CaseNotices {

    /** A reminder or escalation sent about the case. */
    record Notice(String recipientGroup, String township, String subject, String body, Instant createdAt) {}

    /** Oldest first. */
    List<Notice> ofCase(String businessKey);
}
