package com.yibaoflow.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * An error of the domain that the caller can act on (not found, conflict, invalid input, a rule that refuses);
 * services throw it whoever calls them, and only the web layer ({@link ApiExceptionHandler}) turns it into an
 * RFC 9457 problem detail. {@code fieldErrors} name the offending
 * request fields; {@code properties} add machine-readable members (e.g. the rule ID, the existing case).
 */
public class DomainException extends RuntimeException {

    /**
     * What kind of refusal this is, in the domain's terms; which HTTP status and problem type each becomes is the
     * web layer's business ({@link ApiExceptionHandler}), so a service, a delegate or a batch job throws it alike.
     */
    public enum Kind {
        /** The input is wrong; {@code fieldErrors} say where. */
        INVALID,
        /** What was asked for does not exist. */
        NOT_FOUND,
        /** The request clashes with the current state (a duplicate, a concurrent change, an immutable record). */
        CONFLICT,
        /** A policy rule refuses it; {@code properties.ruleId} names the rule. */
        RULE_VIOLATION,
        /** The caller's department or region may not do this. */
        FORBIDDEN
    }

    private final Kind kind;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> properties;

    public DomainException(Kind kind, String detail, List<FieldError> fieldErrors, Map<String, Object> properties) {
        super(detail);
        this.kind = kind;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.properties = Map.copyOf(properties);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, detail, List.of(), Map.of());
    }

    public static DomainException invalidField(String field, String message) {
        return new DomainException(
                Kind.INVALID, field + ": " + message, List.of(new FieldError(field, message)), Map.of());
    }

    /** Several fields at once; the detail names them all. */
    public static DomainException validation(List<FieldError> errors) {
        String detail = errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return new DomainException(Kind.INVALID, detail, List.copyOf(errors), Map.of());
    }

    public static DomainException conflict(String detail, Map<String, Object> properties) {
        return new DomainException(Kind.CONFLICT, detail, List.of(), properties);
    }

    /** A policy rule refuses the request; the rule ID and, if any, the field travel with the problem. */
    public static DomainException ruleViolation(String ruleId, String field, String detail) {
        return new DomainException(
                Kind.RULE_VIOLATION,
                detail,
                field == null ? List.of() : List.of(new FieldError(field, detail)),
                Map.of("ruleId", ruleId));
    }

    public static DomainException forbidden(String detail) {
        return new DomainException(Kind.FORBIDDEN, detail, List.of(), Map.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** One offending field: its path in the request (e.g. {@code categories[1]}) and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
