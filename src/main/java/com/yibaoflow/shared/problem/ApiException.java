package com.yibaoflow.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * An error a client can act on, rendered as an RFC 9457 problem detail. {@code fieldErrors} name the offending
 * request fields; {@code properties} add machine-readable members (e.g. the rule ID, the existing case).
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> properties;

    public ApiException(ProblemType type, String detail, List<FieldError> fieldErrors, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.properties = Map.copyOf(properties);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail, List.of(), Map.of());
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(ProblemType.VALIDATION, field + ": " + message, List.of(new FieldError(field, message)),
                Map.of());
    }

    /** Several fields at once; the detail names them all. */
    public static ApiException validation(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiException(ProblemType.VALIDATION, detail, List.copyOf(errors), Map.of());
    }

    public static ApiException conflict(String detail, Map<String, Object> properties) {
        return new ApiException(ProblemType.CONFLICT, detail, List.of(), properties);
    }

    /** A policy rule refuses the request; the rule ID and, if any, the field travel with the problem. */
    public static ApiException ruleViolation(String ruleId, String field, String detail) {
        return new ApiException(ProblemType.BUSINESS_RULE, detail,
                field == null ? List.of() : List.of(new FieldError(field, detail)), Map.of("ruleId", ruleId));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail, List.of(), Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** One offending field: its path in the request (e.g. {@code categories[1]}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
