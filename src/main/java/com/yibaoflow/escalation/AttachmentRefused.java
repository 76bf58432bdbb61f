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

    /** A file of {@code sizeBytes}, over {@link AttachmentTypes#MAX_BYTES}. */
    static AttachmentRefused tooLarge(long sizeBytes) {
        return new AttachmentRefused(
                Reason.TOO_LARGE,
                "is " + sizeBytes + " bytes; an attachment may have at most 20 MB (" + AttachmentTypes.MAX_BYTES
                        + " bytes)");
    }

    Reason reason() {
        return reason;
    }
}
