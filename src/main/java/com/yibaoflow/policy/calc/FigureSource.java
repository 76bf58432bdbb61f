package com.yibaoflow.policy.calc;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One policy parameter an API figure was computed from, as the figure's {@code provenance} lists it: the parameter's
 * dotted path, its {@link ProvenanceState}, its provenance label ({@link Provenance#label()}, what it cites) and, if
 * an office had confirmed it by its own document when the figure was computed, that confirmation (else absent).
 */
public record FigureSource(
        String parameter,
        ProvenanceState state,
        String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalConfirmation confirmation) {

    static FigureSource of(ParameterUse use) {
        return new FigureSource(
                use.path(),
                use.state() == null ? ProvenanceState.SAMPLE : use.state(),
                use.provenance(),
                use.confirmation());
    }
}
