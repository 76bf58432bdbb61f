package com.yibaoflow.policy.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #17 item 2: the Chinese provenance a caseworker reads next to a figure names each of the three states. */
class ProvenanceTextTests {

    static ParameterUse use(ProvenanceState state, String source, String clause) {
        Provenance p = new Provenance("R-X", state, source, clause);
        return new ParameterUse("x", "1", p.label(), state);
    }

    @Test
    void aSeedFigureCitesItsClause() {
        assertThat(ProvenanceText.of(List.of(use(ProvenanceState.SEED, "[D]", "(二)"))))
                .isEqualTo("来源：种子数据（[D] (二)）");
    }

    @Test
    void anExternalFigureCitesItsDocumentAndAsksForLocalConfirmation() {
        assertThat(ProvenanceText.of(List.of(use(ProvenanceState.EXTERNAL, "[G] 国办发〔2024〕38号", "“3个月”"))))
                .isEqualTo("来源：外部数据（[G] 国办发〔2024〕38号 “3个月”，待本地确认）");
    }

    @Test
    void aFigureFromSeveralParametersNamesEveryStateSeedFirst() {
        assertThat(ProvenanceText.of(List.of(
                        use(ProvenanceState.SAMPLE, "SAMPLE", "confirm locally"),
                        use(ProvenanceState.SEED, "[D]", "(二)"),
                        use(ProvenanceState.SEED, "[D]", "(十)"),
                        use(ProvenanceState.SEED, "[D]", "(二)"))))
                .isEqualTo("来源：种子数据（[D] (二)、[D] (十)）；示例数据（待本地确认）");
        assertThatThrownBy(() -> ProvenanceText.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
