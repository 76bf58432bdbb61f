package com.yibaoflow.policy.calc;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The provenance of a figure shown to a caseworker (Tasklist forms), in Chinese: the states of the parameters the
 * figure comes from, each with what it cites, e.g. "来源：种子数据（[D] (二)）" or "来源：种子数据（[D] (二)）；示例数据（待本地确认）".
 * No one may mistake an EXTERNAL or SAMPLE figure for a seed figure (RULES.md "Parameter provenance").
 */
public final class ProvenanceText {

    public static final String PREFIX = "来源：";

    private ProvenanceText() {}

    /** 种子数据 / 外部数据 / 示例数据. */
    public static String stateName(ProvenanceState state) {
        return switch (state == null ? ProvenanceState.SAMPLE : state) {
            case SEED -> "种子数据";
            case EXTERNAL -> "外部数据";
            case SAMPLE -> "示例数据";
        };
    }

    /** The provenance of a figure computed from {@code uses}, grouped by state (SEED, EXTERNAL, SAMPLE). */
    public static String of(Collection<ParameterUse> uses) {
        if (uses.isEmpty()) {
            throw new IllegalArgumentException("a figure without parameters has no policy provenance");
        }
        Map<ProvenanceState, Set<String>> cited = new EnumMap<>(ProvenanceState.class);
        for (ParameterUse use : uses) {
            ProvenanceState state = use.state() == null ? ProvenanceState.SAMPLE : use.state();
            Set<String> documents = cited.computeIfAbsent(state, s -> new LinkedHashSet<>());
            String document = cited(state, use.provenance());
            if (!document.isEmpty()) {
                documents.add(document);
            }
        }
        return cited.entrySet().stream()
                .map(e -> stateName(e.getKey()) + note(e.getKey(), e.getValue()))
                .collect(Collectors.joining("；", PREFIX, ""));
    }

    private static String note(ProvenanceState state, Set<String> documents) {
        String listed = String.join("、", documents);
        return switch (state) {
            case SEED -> listed.isEmpty() ? "" : "（" + listed + "）";
            case EXTERNAL -> "（" + (listed.isEmpty() ? "" : listed + "，") + "待本地确认）";
            case SAMPLE -> "（待本地确认）";
        };
    }

    /** What a {@link Provenance#label()} cites: "SEED: [D] (二)" → "[D] (二)"; a SAMPLE cites nothing. */
    private static String cited(ProvenanceState state, String label) {
        if (state == ProvenanceState.SAMPLE || label == null) {
            return "";
        }
        String text = label;
        for (String prefix : new String[] {"SEED: ", "EXTERNAL: ", "confirmed: "}) {
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
        }
        int suffix = text.indexOf(" — ");
        return (suffix >= 0 ? text.substring(0, suffix) : text).strip();
    }
}
