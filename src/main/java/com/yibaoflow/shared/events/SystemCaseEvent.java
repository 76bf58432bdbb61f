package com.yibaoflow.shared.events;

/**
 * A case fact that no staff user caused: a process step, a timer, a scan. Its {@link #actor()} is {@code system},
 * said once here instead of in every such record. A default method, not a record component, so the event's JSON in
 * the publication registry is the same as when each record returned it itself.
 */
public interface SystemCaseEvent extends CaseEvent {

    /** The actor the case history shows for facts no staff user caused. */
    String SYSTEM = "system";

    @Override
    default String actor() {
        return SYSTEM;
    }
}
