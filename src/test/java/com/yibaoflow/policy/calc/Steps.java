package com.yibaoflow.policy.calc;

import java.util.List;
import java.util.stream.Collectors;

/** Test helpers over explanations. */
public final class Steps {

    private Steps() {}

    public static List<String> ruleIds(List<ExplanationStep> explanation) {
        return explanation.stream().map(ExplanationStep::ruleId).toList();
    }

    /** The texts of all steps citing the rule, joined by newlines. */
    public static String textOf(List<ExplanationStep> explanation, String ruleId) {
        return explanation.stream()
                .filter(s -> s.ruleId().equals(ruleId))
                .map(ExplanationStep::text)
                .collect(Collectors.joining("\n"));
    }

    public static List<ParameterUse> parametersOf(List<ExplanationStep> explanation) {
        return explanation.stream().flatMap(s -> s.parameters().stream()).toList();
    }
}
