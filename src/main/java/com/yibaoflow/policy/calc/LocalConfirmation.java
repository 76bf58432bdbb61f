package com.yibaoflow.policy.calc;

import java.time.LocalDate;

/**
 * An office's confirmation of an EXTERNAL or SAMPLE figure by its own document (issue #17 item 2): the figure and
 * its provenance state stay as they are; the confirmation travels with the figure into every explanation and API
 * figure computed after it was recorded.
 */
public record LocalConfirmation(String documentNumber, LocalDate documentDate, String confirmedBy) {

    /** "CONFIRMED by local document 东医保〔2025〕3号 of 2025-02-01". */
    public String text() {
        return "CONFIRMED by local document " + documentNumber + " of " + documentDate;
    }
}
