package com.yibaoflow.shared.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean Validation and binding failures as the fields they name: a request body's fields ({@code @Valid}), a
 * handler's parameters, a validated bean's properties. One 400 problem lists them all ({@link #problem}).
 */
final class ValidationProblems {

    private ValidationProblems() {}

    /** A 400 problem naming every offending field, its detail the fields and messages in order. */
    static ResponseEntity<ProblemDetail> problem(List<DomainException.FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.validation(detail, errors));
    }

    /** A bound object's field errors, then its object-level errors under the object's name. */
    static List<DomainException.FieldError> of(BindException e) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        e.getFieldErrors()
                .forEach(f -> errors.add(new DomainException.FieldError(f.getField(), f.getDefaultMessage())));
        e.getGlobalErrors()
                .forEach(g -> errors.add(new DomainException.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return errors;
    }

    /** A handler's constrained parameters ({@code @RequestParam @Size …}), each under its parameter name. */
    static List<DomainException.FieldError> of(HandlerMethodValidationException e) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(new DomainException.FieldError(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return errors;
    }

    /** A validated bean's violations, each under the last node of its property path. */
    static List<DomainException.FieldError> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new DomainException.FieldError(
                        lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
