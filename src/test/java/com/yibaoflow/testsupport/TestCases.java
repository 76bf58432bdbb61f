package com.yibaoflow.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

/** Enrollment cases written straight into the table, for tests of what reads them (rosters, outreach). */
public final class TestCases {

    private TestCases() {}

    /** An ENROLLED (paid) case of the person for the region and year, with the category applied (or null). */
    public static void enrolled(
            JdbcTemplate jdbc, String idNumber, String regionCode, int coverageYear, String appliedCategory) {
        jdbc.update(
                "insert into yibao.enrollment_case (business_key, id_number, name, region_code, coverage_year, "
                        + "residence, township, source, status, applied_category, created_at, created_by, updated_at) "
                        + "values (?, ?, '在册', ?, ?, 'LOCAL_HUKOU', '城关镇', 'API', 'ENROLLED', ?, now(), 'test', now())",
                "ENR-" + regionCode + "-" + coverageYear + "-" + idNumber,
                idNumber,
                regionCode,
                coverageYear,
                appliedCategory);
    }
}
