package com.yibaoflow.shared.problem;

import com.yibaoflow.shared.log.IdNumberMasking;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of our REST API as an RFC 9457 problem detail ({@code application/problem+json}) with a stable
 * {@code type}, a human {@code detail} and, for validation, the offending fields. Never a stack trace. This advice
 * decides which problem an error is (one advice, so the most specific handler always wins over the catch-all);
 * {@link ValidationProblems} names the fields of a validation or binding failure, {@link UnreadableBodyProblems} those
 * of a body Jackson could not read.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> handleApi(DomainException e, HttpServletRequest request) {
        ProblemType type = typeOf(e.kind());
        if (type == ProblemType.CONFLICT) {
            // an expected conflict: one line, no stack trace (issue #16 §8)
            log.info(
                    "Conflict on {} {}: {}",
                    request.getMethod(),
                    IdNumberMasking.mask(request.getRequestURI()),
                    IdNumberMasking.mask(String.valueOf(e.getMessage())));
        }
        ProblemDetail problem = Problems.of(type, e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", e.fieldErrors());
        }
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(type.status()).body(problem);
    }

    /** The one place a domain refusal gets its HTTP meaning. */
    static ProblemType typeOf(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> ProblemType.VALIDATION;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case CONFLICT -> ProblemType.CONFLICT;
            case RULE_VIOLATION -> ProblemType.BUSINESS_RULE;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
        };
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        return validation(ValidationProblems.of(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new DomainException.FieldError(e.getName(), "has an invalid value")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e) {
        ProblemDetail problem = Problems.of(ProblemType.FORBIDDEN, "Your department may not do this.");
        return ResponseEntity.status(ProblemType.FORBIDDEN.status()).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), IdNumberMasking.mask(request.getRequestURI()), e);
        ProblemDetail problem =
                Problems.of(ProblemType.INTERNAL, "The request could not be completed. The error has been logged.");
        return ResponseEntity.status(ProblemType.INTERNAL.status()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(ValidationProblems.of(e)));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(ValidationProblems.of(e)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(UnreadableBodyProblems.of(e));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(List.of(new DomainException.FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(validation(List.of(new DomainException.FieldError(e.getRequestPartName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(ProblemType.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Content type " + e.getContentType() + " is not supported; supported: " + e.getSupportedMediaTypes()));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(ProblemType.PAYLOAD_TOO_LARGE, "The uploaded file is too large."));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(ProblemType.NOT_FOUND, "No such resource: /" + e.getResourcePath()));
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(ProblemType.NOT_FOUND, "No such resource: " + e.getRequestURL()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && problem.getType() != null
                && "about:blank".equals(problem.getType().toString())) {
            problem.setType(typeFor(statusCode).uri());
        }
        return super.handleExceptionInternal(e, body, headers, statusCode, request);
    }

    /** A 400 problem naming every offending field; also for the modules' own handlers of their input errors. */
    public static ResponseEntity<ProblemDetail> validation(List<DomainException.FieldError> errors) {
        return ValidationProblems.problem(errors);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
        return ResponseEntity.status(type.status()).body(Problems.of(type, detail));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    private static ProblemType typeFor(HttpStatusCode status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status().value() == status.value()) {
                return type;
            }
        }
        return status.is4xxClientError() ? ProblemType.MALFORMED_REQUEST : ProblemType.INTERNAL;
    }
}
