package com.yibaoflow.shared.id;

/** A resident ID number that fails GB 11643; the message completes "The ID number …". */
public class InvalidResidentIdNumberException extends IllegalArgumentException {

    public InvalidResidentIdNumberException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
