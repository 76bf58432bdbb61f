package com.yibaoflow.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A fact no staff user caused names {@code system} as its actor through {@link SystemCaseEvent}'s default, and the
 * event publication registry stores the same JSON as when the record returned {@code system} itself: its components.
 */
class SystemCaseEventTests {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

    final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    record TimerFired(UUID eventId, Instant occurredAt, String businessKey, int round) implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return null;
        }

        @Override
        public String kind() {
            return "TIMER_FIRED";
        }

        @Override
        public String summary() {
            return "第" + round + "轮已到期";
        }
    }

    @Test
    void actorIsSystem() {
        assertThat(new TimerFired(ID, AT, "MM-1", 2).actor()).isEqualTo("system");
    }

    /** As with each record's own {@code actor()} before: the registry stores the components and nothing else. */
    @Test
    void registryJsonHoldsTheRecordComponentsOnlyAndRoundTrips() throws Exception {
        TimerFired event = new TimerFired(ID, AT, "MM-1", 2);
        String stored = json.writeValueAsString(event);

        assertThat(json.readTree(stored).fieldNames())
                .toIterable()
                .containsExactly("eventId", "occurredAt", "businessKey", "round");
        assertThat(json.readValue(stored, TimerFired.class)).isEqualTo(event);
    }
}
