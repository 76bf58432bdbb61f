package com.yibaoflow.policy.calc;

/**
 * Where a parameter value comes from: the rule it implements, the source document and clause, and whether the
 * figure is confirmed by a source or only a sample to be confirmed locally.
 */
public record Provenance(String ruleId, String source, String clause, boolean confirmed) {

    public static final String SAMPLE_FLAG = "SAMPLE — confirm locally";

    /** "confirmed: [D] (二)" or "SAMPLE — confirm locally". */
    public String label() {
        return confirmed ? "confirmed: " + source + " " + clause : SAMPLE_FLAG;
    }
}
