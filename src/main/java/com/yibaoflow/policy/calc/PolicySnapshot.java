package com.yibaoflow.policy.calc;

import com.yibaoflow.region.FiscalTier;
import java.util.Map;

/**
 * The immutable input of every calculator: the active parameter version of one region and coverage year, with the
 * provenance of each figure keyed by its dotted path in {@link PolicyParameters} and the offices' confirmations of
 * EXTERNAL or SAMPLE figures by local document, keyed the same way.
 */
public record PolicySnapshot(
        String regionCode,
        int coverageYear,
        int version,
        FiscalTier fiscalTier,
        PolicyParameters parameters,
        Map<String, Provenance> provenance,
        Map<String, LocalConfirmation> confirmations) {

    public PolicySnapshot {
        confirmations = confirmations == null ? Map.of() : Map.copyOf(confirmations);
    }

    /** A snapshot without local confirmations. */
    public PolicySnapshot(
            String regionCode,
            int coverageYear,
            int version,
            FiscalTier fiscalTier,
            PolicyParameters parameters,
            Map<String, Provenance> provenance) {
        this(regionCode, coverageYear, version, fiscalTier, parameters, provenance, Map.of());
    }

    /** The office's confirmation of a figure by its own document, null if none. */
    public LocalConfirmation confirmationOf(String path) {
        return confirmations.get(path);
    }

    /** The provenance of a parameter path; a missing entry is a data error, never silently "confirmed". */
    public Provenance provenanceOf(String path) {
        Provenance p = provenance.get(path);
        if (p == null) {
            throw new IllegalStateException("No provenance recorded for parameter " + path);
        }
        return p;
    }

    /** "341721/2025 v1", recorded by every case that used it. */
    public String label() {
        return regionCode + "/" + coverageYear + " v" + version;
    }
}
