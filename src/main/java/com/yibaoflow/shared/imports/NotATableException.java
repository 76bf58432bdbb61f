package com.yibaoflow.shared.imports;

/** The file is not the expected kind of table at all (no header with the required columns, unreadable format). */
public class NotATableException extends RuntimeException {

    public NotATableException(String message) {
        super(message);
    }

    public NotATableException(String message, Throwable cause) {
        super(message, cause);
    }
}
