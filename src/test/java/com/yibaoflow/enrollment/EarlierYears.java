package com.yibaoflow.enrollment;

import org.springframework.jdbc.core.JdbcTemplate;

/** A resident's earlier coverage years in Dongzhi (341721), written as the enrollment process leaves them. */
final class EarlierYears {

    static final String REGION = "341721";

    private EarlierYears() {}

    /** A case row of an earlier year as the process leaves it; with a coverage row when it is ENROLLED. */
    static long record(JdbcTemplate jdbc, String id, int year, String name, String status) {
        Long caseId = jdbc.queryForObject(
                """
                        insert into yibao.enrollment_case (business_key, id_number, name, region_code, coverage_year,
                            residence, township, source, status, created_at, created_by, updated_at)
                        values (?, ?, ?, ?, ?, 'LOCAL_HUKOU', '尧渡镇', 'API', ?, now(), 'test', now()) returning id""", Long.class, "ENR-" + REGION + "-" + year + "-" + id, id, name, REGION, year, status);
        if (status.equals("ENROLLED")) {
            jdbc.update("""
                            insert into yibao.coverage (case_id, id_number, name, region_code, coverage_year,
                                individual_standard, subsidy, personal_paid, benefit_start_date, benefit_end_date,
                                covered_from_birth, policy_version, created_at)
                            values (?, ?, ?, ?, ?, 380, 0, 380, make_date(?, 1, 1), make_date(?, 12, 31), false,
                                    'test', now())""", caseId, id, name, REGION, year, year, year);
        }
        return caseId;
    }
}
