package com.yibaoflow.policy.calc;

import java.util.List;

/**
 * One line of a calculation's explanation: the rule applied (ID and source clause), a self-contained English text
 * (which repeats the rule ID, clause and every parameter value with its provenance, so the line can be shown alone)
 * and the parameters used.
 */
public record ExplanationStep(String ruleId, String clause, String text, List<ParameterUse> parameters) {}
