package com.yibaoflow.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact about a case, published by the module that owns it and recorded in the case history by {@code audit}
 * (which knows no feature: it hears every {@code CaseEvent}). Implementations are records: the event publication
 * registry stores them as JSON until every listener has handled them, so their components must survive a
 * Jackson round trip.
 */
public interface CaseEvent {

    /** Unique per fact: a listener that gets the event again after a restart recognises it by this id. */
    UUID eventId();

    /** When the fact happened (the engine's clock), which is also where it stands in the case history. */
    Instant occurredAt();

    /** The case the fact belongs to: {@code ENR-…}, {@code HV-…}, … */
    String businessKey();

    /** The rule (RULES.md) the fact applies, or {@code null}. */
    String ruleId();

    /** Stable machine code of the fact, e.g. {@code ENROLLED}, {@code REVIEW_APPROVE}. */
    String kind();

    /** What an auditor reads, in Chinese, with the figures and reasons behind it. */
    String summary();

    /** Who caused it: a staff user id, or {@code system}. */
    String actor();

    /** A fresh event id, for the records' factory methods. */
    static UUID newId() {
        return UUID.randomUUID();
    }
}
