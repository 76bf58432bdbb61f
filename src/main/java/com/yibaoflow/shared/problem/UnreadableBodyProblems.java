package com.yibaoflow.shared.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.yibaoflow.shared.log.IdNumberMasking;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * A request body Jackson could not read, told as precisely as its cause allows: the field that is unknown, has an
 * invalid value (the allowed ones of an enum; an ID number in the value masked) or the wrong type, as a 400
 * validation problem naming it; otherwise a malformed-request problem (not JSON, or no body).
 */
final class UnreadableBodyProblems {

    private UnreadableBodyProblems() {}

    static ResponseEntity<ProblemDetail> of(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return field(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException invalid) {
            return field(
                    path(invalid),
                    "has an invalid value '" + IdNumberMasking.mask(String.valueOf(invalid.getValue())) + "'"
                            + allowedValues(invalid.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            return field(path(mismatched), "has the wrong type");
        }
        if (cause instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()
                && mapping.getCause() instanceof IllegalArgumentException iae) {
            return field(path(mapping), iae.getMessage());
        }
        String detail = cause instanceof JsonProcessingException
                ? "The request body is not valid JSON."
                : "The request body is missing or unreadable.";
        return ResponseEntity.status(ProblemType.MALFORMED_REQUEST.status())
                .body(Problems.of(ProblemType.MALFORMED_REQUEST, detail));
    }

    private static ResponseEntity<ProblemDetail> field(String path, String message) {
        return ValidationProblems.problem(List.of(new DomainException.FieldError(path, message)));
    }

    /** The JSON path of the offending value, e.g. {@code members[2].idNumber}; {@code body} for the whole body. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "; allowed: "
                    + Arrays.stream(type.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        return "";
    }
}
