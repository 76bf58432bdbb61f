package com.yibaoflow.policy.calc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One policy parameter used by an explanation step: its dotted path in {@link PolicyParameters}, its value as text,
 * its provenance label ({@link Provenance#label()}, e.g. "SEED: [D] (二)"), its {@link ProvenanceState} and, if an
 * office had confirmed the figure by its own document when it was used, that confirmation (else absent).
 */
public record ParameterUse(
        String path,
        String value,
        String provenance,
        ProvenanceState state,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalConfirmation confirmation) {

    /** A use of a figure no office has confirmed. */
    public ParameterUse(String path, String value, String provenance, ProvenanceState state) {
        this(path, value, provenance, state, null);
    }

    /**
     * Also reads explanations stored before the three states (issue #17), which carried a boolean {@code confirmed}
     * and a label "confirmed: [G] …" or "SAMPLE — confirm locally": a sample stays SAMPLE, a figure citing a seed
     * ([D], [N]) is SEED and any other cited document is EXTERNAL, which is what it was.
     */
    @JsonCreator
    static ParameterUse read(
            @JsonProperty("path") String path,
            @JsonProperty("value") String value,
            @JsonProperty("provenance") String provenance,
            @JsonProperty("state") ProvenanceState state,
            @JsonProperty("confirmation") LocalConfirmation confirmation,
            @JsonProperty("confirmed") Boolean legacyConfirmed) {
        return new ParameterUse(
                path,
                value,
                provenance,
                state != null ? state : legacyState(provenance, legacyConfirmed),
                confirmation);
    }

    static ProvenanceState legacyState(String label, Boolean confirmed) {
        if (!Boolean.TRUE.equals(confirmed) || label == null) {
            return ProvenanceState.SAMPLE;
        }
        String cited = label.startsWith("confirmed: ") ? label.substring("confirmed: ".length()) : label;
        return cited.startsWith("[D]") || cited.startsWith("[N]") ? ProvenanceState.SEED : ProvenanceState.EXTERNAL;
    }
}
