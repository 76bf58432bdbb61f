package com.yibaoflow.enrollment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The external facts R-ELIG-02 reads, kept in our database from the registries the other systems send:
 * employee basic medical insurance (职工医保) periods, and resident enrollments in other pooling regions.
 */
@Repository
public class EligibilityRegistry {

    private final JdbcTemplate jdbc;

    EligibilityRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An employee-insurance period overlapping [from, to], as "2024-01-01 – (open)" text, if any. */
    public Optional<String> employeeInsuranceDuring(String idNumber, LocalDate from, LocalDate to) {
        List<String> periods = jdbc.query("""
                        select valid_from, valid_to, employer from yibao.employee_insurance_record
                        where id_number = ? and valid_from <= ? and (valid_to is null or valid_to >= ?)
                        order by valid_from limit 1""",
                (rs, i) -> rs.getDate(1).toLocalDate() + " – "
                        + (rs.getDate(2) == null ? "(open)" : rs.getDate(2).toLocalDate().toString())
                        + (rs.getString(3) == null ? "" : " " + rs.getString(3)),
                idNumber, to, from);
        return periods.stream().findFirst();
    }

    /** Another pooling region where the person is enrolled for the coverage year, if any. */
    public Optional<String> enrolledElsewhere(String idNumber, int coverageYear, String ourRegion) {
        return jdbc.query("""
                        select region_code from yibao.other_region_enrollment
                        where id_number = ? and coverage_year = ? and region_code <> ? order by region_code limit 1""",
                (rs, i) -> rs.getString(1), idNumber, coverageYear, ourRegion).stream().findFirst();
    }
}
