package com.yibaoflow.escalation;

/** An attachment refused for its size (413) or its type (415); the problem names the field {@code file}. */
class AttachmentRefused extends RuntimeException {

    enum Reason {
        TOO_LARGE,
        UNSUPPORTED_TYPE
    }

    private final Reason reason;

    AttachmentRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
