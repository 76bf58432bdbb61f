package com.yibaoflow.policy.calc;

/**
 * A calculator input that no rule can be applied to (negative amount, policy-scope cost above total cost, date
 * outside the policy periods, missing required value …). {@link #field()} names the offending input field, e.g.
 * {@code policyScopeCost} or {@code payer.idNumber}, so the REST layer can answer HTTP 400 naming it.
 */
public class InvalidCalculationInputException extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public InvalidCalculationInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** What is wrong with the field, without its name. */
    public String reason() {
        return reason;
    }
}
