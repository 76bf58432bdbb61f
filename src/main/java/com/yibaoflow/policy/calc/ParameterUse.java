package com.yibaoflow.policy.calc;

/**
 * One policy parameter used by an explanation step: its dotted path in {@link PolicyParameters}, its value as text,
 * its provenance label ({@link Provenance#label()}: "confirmed: [D] (二)" or "SAMPLE — confirm locally") and whether
 * it is confirmed.
 */
public record ParameterUse(String path, String value, String provenance, boolean confirmed) {
}
