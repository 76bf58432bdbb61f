package com.yibaoflow.policy.calc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provenance of the figures of a calculation, derived from its explanation alone (issue #17 item 2: "the figures
 * shown in the API carry the provenance state"): for each figure, by its JSON field name, the parameters it was
 * computed from, each with its state (SEED / EXTERNAL / SAMPLE), what it cites and any local confirmation. A figure
 * names the explanation steps it comes from by rule ID and parameter path ({@link #from}); a parameter the
 * explanation does not record was not used and is not listed, and a figure that used none is left out of the map.
 *
 * <p>Pure and stateless apart from the figures declared on one instance; the mappings of the calculators live next
 * to their results ({@code ContributionProvenance}, {@code WaitingProvenance}, …) so every endpoint that shows a
 * calculator's figures shows the same provenance.
 */
public final class FigureProvenance {

    /**
     * Which explanation parameters a figure comes from: steps whose rule ID starts with {@code rulePrefix} (null: any
     * rule; "R-SUB-" every subsidy rule) and parameters whose path equals {@code path} or, if it ends with ".", starts
     * with it ("waiting." every waiting parameter).
     */
    public record From(String rulePrefix, String path) {

        boolean matches(ExplanationStep step, ParameterUse use) {
            boolean rule = rulePrefix == null
                    || (step.ruleId() != null && step.ruleId().startsWith(rulePrefix));
            boolean parameter = path.endsWith(".")
                    ? use.path().startsWith(path)
                    : use.path().equals(path);
            return rule && parameter;
        }
    }

    private final List<ExplanationStep> explanation;
    private final Map<String, List<FigureSource>> figures = new LinkedHashMap<>();

    private FigureProvenance(List<ExplanationStep> explanation) {
        this.explanation = explanation == null ? List.of() : explanation;
    }

    /** The figures of a calculation with this explanation (null or empty: no figure has a provenance). */
    public static FigureProvenance of(List<ExplanationStep> explanation) {
        return new FigureProvenance(explanation);
    }

    /** A parameter of any step. */
    public static From from(String path) {
        return new From(null, path);
    }

    /** A parameter of a step of {@code rule}. */
    public static From from(Rule rule, String path) {
        return new From(rule.id(), path);
    }

    /** A parameter of a step whose rule ID starts with {@code rulePrefix}, e.g. "R-SUB-". */
    public static From from(String rulePrefix, String path) {
        return new From(rulePrefix, path);
    }

    /** Declares the figure {@code field}, computed from the parameters {@code sources} name (in explanation order). */
    public FigureProvenance figure(String field, From... sources) {
        Set<FigureSource> found = new LinkedHashSet<>();
        for (ExplanationStep step : explanation) {
            for (ParameterUse use : step.parameters()) {
                for (From source : sources) {
                    if (source.matches(step, use)) {
                        found.add(FigureSource.of(use));
                        break;
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            figures.put(field, List.copyOf(found));
        }
        return this;
    }

    /** Declares a figure computed from the parameters of figures already declared (and {@code more}). */
    public FigureProvenance combined(String field, List<String> of, From... more) {
        Set<FigureSource> found = new LinkedHashSet<>();
        of.forEach(f -> found.addAll(figures.getOrDefault(f, List.of())));
        FigureProvenance extra = new FigureProvenance(explanation).figure(field, more);
        found.addAll(extra.figures.getOrDefault(field, List.of()));
        if (!found.isEmpty()) {
            figures.put(field, List.copyOf(found));
        }
        return this;
    }

    /** Figure field name → the parameters it was computed from, in declaration order. */
    public Map<String, List<FigureSource>> map() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }

    /** The entries of {@code provenance} for {@code fields} only, renamed by {@code names} (field → shown name). */
    public static Map<String, List<FigureSource>> renamed(
            Map<String, List<FigureSource>> provenance, Map<String, String> names) {
        Map<String, List<FigureSource>> shown = new LinkedHashMap<>();
        provenance.forEach((field, sources) -> {
            if (names.containsKey(field)) {
                shown.put(names.get(field), sources);
            }
        });
        return shown;
    }

    /** Several maps as one, later maps adding the parameters of a figure the earlier ones also name. */
    @SafeVarargs
    public static Map<String, List<FigureSource>> merged(Map<String, List<FigureSource>>... maps) {
        Map<String, Set<FigureSource>> all = new LinkedHashMap<>();
        for (Map<String, List<FigureSource>> map : maps) {
            map.forEach((field, sources) ->
                    all.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(sources));
        }
        Map<String, List<FigureSource>> merged = new LinkedHashMap<>();
        all.forEach((field, sources) -> merged.put(field, new ArrayList<>(sources)));
        return Collections.unmodifiableMap(merged);
    }
}
