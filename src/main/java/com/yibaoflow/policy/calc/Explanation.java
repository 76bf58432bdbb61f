package com.yibaoflow.policy.calc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one explanation builder of the calculators: collects {@link ExplanationStep}s in order, looking up each
 * parameter's provenance in the snapshot (a parameter without provenance is a data error: see
 * {@link PolicySnapshot#provenanceOf}).
 */
public final class Explanation {

    private final PolicySnapshot snapshot;
    private final List<ExplanationStep> steps = new ArrayList<>();

    public Explanation(PolicySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** A parameter use of the snapshot: path, rendered value and provenance. */
    public ParameterUse param(String path, Object value) {
        Provenance provenance = snapshot.provenanceOf(path);
        return new ParameterUse(
                path,
                ParameterPaths.render(value),
                provenance.label(),
                provenance.state(),
                snapshot.confirmationOf(path));
    }

    /**
     * Adds a step. The stored text is "{@code R-ID clause: text [path = value (provenance); …]}", a locally confirmed
     * figure "{@code path = value (provenance; CONFIRMED by local document … of …)}".
     */
    public Explanation step(Rule rule, String text, ParameterUse... parameters) {
        List<ParameterUse> uses = List.of(parameters);
        StringBuilder line = new StringBuilder(rule.id())
                .append(' ')
                .append(rule.clause())
                .append(": ")
                .append(text);
        if (!uses.isEmpty()) {
            line.append(Arrays.stream(parameters)
                    .map(p -> p.path() + " = " + p.value() + " (" + p.provenance()
                            + (p.confirmation() == null
                                    ? ""
                                    : "; " + p.confirmation().text()) + ")")
                    .collect(Collectors.joining("; ", " [", "]")));
        }
        steps.add(new ExplanationStep(rule.id(), rule.clause(), line.toString(), uses));
        return this;
    }

    public List<ExplanationStep> steps() {
        return List.copyOf(steps);
    }
}
