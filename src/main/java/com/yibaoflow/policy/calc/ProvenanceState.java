package com.yibaoflow.policy.calc;

/**
 * The three provenance states of a policy figure (RULES.md "Parameter provenance"). No one may mistake an EXTERNAL or
 * SAMPLE figure for a SEED figure: every explanation line and every API figure names the state.
 */
public enum ProvenanceState {
    /** Fixed by a clause of one of the two seed documents ([N] 医保发〔2025〕22号, [D] 东政办〔2024〕11号). */
    SEED,
    /** Taken from a document outside the seeds that a seed refers to (国办发〔2024〕38号 …): to be confirmed locally. */
    EXTERNAL,
    /** No document fixes it for the region: a sample, to be confirmed locally. */
    SAMPLE
}
