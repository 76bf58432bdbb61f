package com.yibaoflow.shared.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable {@code type} URIs of our RFC 9457 problem details (documented in docs/problems.md). Clients switch on
 * the type, never on the human {@code detail}.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid request", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", "Not allowed for your department", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    CONFLICT("conflict", "Conflict with the current state", HttpStatus.CONFLICT),
    BUSINESS_RULE("business-rule", "A policy rule refuses this", HttpStatus.UNPROCESSABLE_ENTITY),
    PAYLOAD_TOO_LARGE("payload-too-large", "Upload too large", HttpStatus.PAYLOAD_TOO_LARGE),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final String BASE = "https://yibaoflow.github.io/problems/";

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    /** The type of a bare HTTP status (no field to name, so never {@link #VALIDATION}). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status.value() == status && type != VALIDATION) {
                return type;
            }
        }
        return status < 500 ? MALFORMED_REQUEST : INTERNAL;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
