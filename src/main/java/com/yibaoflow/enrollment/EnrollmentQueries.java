package com.yibaoflow.enrollment;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about enrollments (issue #15 §2): they read this module's facts through here, never
 * its tables. Each question is one statement however many people it is asked about (a roster holds up to 100 000).
 */
@Service
@Transactional(readOnly = true)
public class EnrollmentQueries {

    /** An enrolled (paid and covered) case of a person for a coverage year, with the category whose subsidy applied. */
    public record EnrolledCase(String idNumber, String businessKey, int coverageYear, String appliedCategory) {}

    private final JdbcTemplate jdbc;

    EnrollmentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these people are enrolled for the coverage year, in any region. */
    public Set<String> enrolled(Collection<String> idNumbers, int coverageYear) {
        if (idNumbers.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                        select id_number from yibao.enrollment_case
                        where id_number = any (?) and coverage_year = ? and status = 'ENROLLED'""", String.class, idNumbers.toArray(String[]::new), coverageYear));
    }

    /** The enrolled cases of these people in the region for the coverage years from {@code fromYear} to {@code toYear}. */
    public List<EnrolledCase> enrolledCases(Collection<String> idNumbers, String regionCode, int fromYear, int toYear) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                        select id_number, business_key, coverage_year, applied_category from yibao.enrollment_case
                        where id_number = any (?) and region_code = ? and status = 'ENROLLED'
                          and coverage_year between ? and ?
                        order by id""",
                (rs, i) -> new EnrolledCase(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
                idNumbers.toArray(String[]::new),
                regionCode,
                fromYear,
                toYear);
    }

    /**
     * The names on these people's latest coverage, any region or year (people never covered are absent): what a task
     * names a person by (issue #21 §3). One lookup by the coverage's unique (ID number, year) index.
     */
    public Map<String, String> names(Collection<String> idNumbers) {
        Map<String, String> names = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return names;
        }
        jdbc.query(
                """
                        select distinct on (id_number) id_number, name from yibao.coverage
                        where id_number = any (?)
                        order by id_number, coverage_year desc""",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                },
                (Object) idNumbers.toArray(String[]::new));
        return names;
    }
}
