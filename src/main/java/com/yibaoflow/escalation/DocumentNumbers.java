package com.yibaoflow.escalation;

import com.yibaoflow.shared.problem.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Document numbers of submitted requests, in the form offices use: {@code 东医保〔2025〕3号}. The counter row of the
 * issuing body and year is incremented with one upsert, which keeps the row locked until the submitting transaction
 * ends: concurrent submissions queue, and a rolled-back submission leaves no gap.
 */
@Component
class DocumentNumbers {

    private final JdbcTemplate jdbc;

    DocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the region's issuing body for the year; must run inside the submitting transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    String next(String regionCode, int year) {
        String prefix = jdbc
                .queryForList(
                        "SELECT prefix FROM yibao.major_matter_issuer WHERE region_code = ?", String.class, regionCode)
                .stream()
                .findFirst()
                .orElseThrow(() -> DomainException.invalidField(
                        "regionCode", "No issuing body is set up for region " + regionCode));
        Integer value = jdbc.queryForObject(
                "INSERT INTO yibao.major_matter_number (prefix, year, last_value) VALUES (?, ?, 1)"
                        + " ON CONFLICT (prefix, year) DO UPDATE SET last_value = major_matter_number.last_value + 1"
                        + " RETURNING last_value",
                Integer.class,
                prefix,
                year);
        return prefix + "〔" + year + "〕" + value + "号";
    }
}
