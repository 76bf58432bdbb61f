package com.yibaoflow.enrollment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.shared.json.JsonText;
import java.util.List;

/**
 * What a case's JSON columns hold ({@link JsonText}, parsed only when read): category and reason codes, explanation
 * steps, back-paid years.
 */
final class CaseJson {

    static final TypeReference<List<String>> CODES = new TypeReference<>() {};

    static final TypeReference<List<ExplanationStep>> STEPS = new TypeReference<>() {};

    static final TypeReference<List<BackPaidYear>> BACK_PAID_YEARS = new TypeReference<>() {};

    private CaseJson() {}

    /** An empty list, as a new case holds it before it is set. */
    static <T> JsonText none(TypeReference<List<T>> type) {
        return JsonText.of(List.of(), type);
    }

    /** The column's content after setting {@code values} (a copy; unchanged if equal to what it holds). */
    static <T> JsonText set(JsonText current, List<T> values, TypeReference<List<T>> type) {
        return current.replacedBy(List.copyOf(values), type);
    }
}
