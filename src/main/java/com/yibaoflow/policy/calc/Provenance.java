package com.yibaoflow.policy.calc;

/**
 * Where a parameter value comes from: the rule it implements, its {@link ProvenanceState}, and the document and
 * clause cited (for a SEED figure a clause of a seed, for an EXTERNAL one the outside document; a SAMPLE cites none).
 */
public record Provenance(String ruleId, ProvenanceState state, String source, String clause) {

    public static final String SAMPLE_FLAG = "SAMPLE — confirm locally";

    /** "SEED: [D] (二)", "EXTERNAL: [G] 国办发〔2024〕38号 “…” — confirm locally" or "SAMPLE — confirm locally". */
    public String label() {
        if (state == null) { // never stored: the validator requires a state
            return SAMPLE_FLAG;
        }
        return switch (state) {
            case SEED -> "SEED: " + cited();
            case EXTERNAL -> "EXTERNAL: " + cited() + " — confirm locally";
            case SAMPLE -> SAMPLE_FLAG;
        };
    }

    private String cited() {
        return clause == null || clause.isBlank() ? source : source + " " + clause;
    }
}
