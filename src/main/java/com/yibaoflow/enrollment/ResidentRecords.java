package com.yibaoflow.enrollment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What an intake and its steps read about a resident besides the case itself: the external facts R-ELIG-02 checks,
 * kept in our database from the registries the other systems send (employee basic medical insurance (职工医保)
 * periods, resident enrollments in other pooling regions), and the resident's own years with us (a live case of the
 * year, the name enrolled under, the coverage years the waiting period counts). Plain SQL, one statement a question:
 * every intake asks them, and through Hibernate's query layer they had cost more than the statements themselves.
 */
@Repository
class ResidentRecords {

    private final JdbcTemplate jdbc;

    ResidentRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The facts of the eligibility step, read together.
     *
     * @param enrolledElsewhere  another pooling region where the person is enrolled for the coverage year (R-ELIG-02)
     * @param employeeInsurance  an employee-insurance period reaching the coverage end (open or ending on or after
     *                           it: no resident day left without double insurance, issue #17 item 6), as
     *                           "2024-01-01 – (open) employer" text (R-ELIG-02)
     * @param lastEnrolledName   the name of the person's latest enrolled earlier year with us (a data conflict when it
     *                           differs from the application's)
     */
    public record EligibilityFacts(
            Optional<String> enrolledElsewhere,
            Optional<String> employeeInsurance,
            Optional<String> lastEnrolledName) {}

    public EligibilityFacts eligibilityFacts(
            String idNumber, int coverageYear, String ourRegion, LocalDate coverageStart, LocalDate coverageEnd) {
        return jdbc.queryForObject(
                """
                        select o.region_code, e.valid_from, e.valid_to, e.employer, n.name
                        from (select 1) one
                        left join lateral (select region_code from yibao.other_region_enrollment
                                           where id_number = ? and coverage_year = ? and region_code <> ?
                                           order by region_code limit 1) o on true
                        left join lateral (select valid_from, valid_to, employer from yibao.employee_insurance_record
                                           where id_number = ? and valid_from <= ?
                                             and (valid_to is null or valid_to >= ?)
                                           -- issue #17 item 6: only a period reaching the coverage end blocks
                                           order by valid_from limit 1) e on true
                        left join lateral (select name from yibao.enrollment_case
                                           where id_number = ? and status = 'ENROLLED' and coverage_year < ?
                                           order by coverage_year desc limit 1) n on true""",
                (rs, i) -> new EligibilityFacts(
                        Optional.ofNullable(rs.getString(1)),
                        rs.getDate(2) == null
                                ? Optional.empty()
                                : Optional.of(rs.getDate(2).toLocalDate() + " – "
                                        + (rs.getDate(3) == null
                                                ? "(open)"
                                                : rs.getDate(3).toLocalDate().toString())
                                        + (rs.getString(4) == null ? "" : " " + rs.getString(4))),
                        Optional.ofNullable(rs.getString(5))),
                idNumber,
                coverageYear,
                ourRegion,
                idNumber,
                coverageEnd,
                coverageEnd,
                idNumber,
                coverageYear);
    }

    /**
     * R-ELIG-02 (issue #17 item 6): the last day of an employee-insurance period
     * that ends inside the coverage period (from the coverage start to the day before its end); resident benefits
     * start after it, so the same days are never insured twice.
     */
    public Optional<LocalDate> employeeInsuranceEndingIn(
            String idNumber, LocalDate coverageStart, LocalDate coverageEnd) {
        return Optional.ofNullable(jdbc.queryForObject("""
                        select max(valid_to) from yibao.employee_insurance_record
                        where id_number = ? and valid_to >= ? and valid_to < ?""", LocalDate.class, idNumber, coverageStart, coverageEnd));
    }

    /**
     * The person's employee-insurance periods that ended before the coverage end (R-ELIG-02, issue #17 item 6): the
     * last day of the latest one, and every year any period (ended or not) overlaps up to the coverage year.
     */
    public record EmployeeHistory(Optional<LocalDate> lastEnd, java.util.Set<Integer> years) {}

    public EmployeeHistory employeeHistory(String idNumber, LocalDate coverageEnd) {
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        LocalDate[] last = new LocalDate[1];
        jdbc.query(
                "select valid_from, valid_to from yibao.employee_insurance_record where id_number = ? and valid_from <= ?",
                rs -> {
                    LocalDate from = rs.getDate(1).toLocalDate();
                    LocalDate to = rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate();
                    LocalDate until = to == null || to.isAfter(coverageEnd) ? coverageEnd : to;
                    for (int y = from.getYear(); y <= until.getYear(); y++) {
                        years.add(y);
                    }
                    if (to != null && to.isBefore(coverageEnd) && (last[0] == null || to.isAfter(last[0]))) {
                        last[0] = to;
                    }
                },
                idNumber,
                coverageEnd);
        return new EmployeeHistory(Optional.ofNullable(last[0]), java.util.Set.copyOf(years));
    }

    /**
     * The id of the person's live case for the coverage year, if any (R-ELIG-02; the statuses of
     * {@link EnrollmentCases#findLive(String, int)}, whose partial unique index answers it).
     */
    public Optional<Long> liveCaseId(String idNumber, int coverageYear) {
        return jdbc.queryForList("""
                        select id from yibao.enrollment_case where id_number = ? and coverage_year = ?
                        and status not in ('REJECTED', 'LAPSED', 'WITHDRAWN')""", Long.class, idNumber, coverageYear).stream()
                .findFirst();
    }

    /** The coverage years of a person before the given one (R-WAIT-02: gaps in continuous enrollment). */
    public List<Integer> coverageYearsBefore(String idNumber, int coverageYear) {
        return List.copyOf(coverageSourcesBefore(idNumber, coverageYear).keySet());
    }

    /**
     * The years before {@code coverageYear} the person was insured, each with where that is on record: this system's
     * coverage, or the coverage history imported from before it (issue #17 item 4: region and scheme named).
     */
    public java.util.SortedMap<Integer, String> coverageSourcesBefore(String idNumber, int coverageYear) {
        java.util.SortedMap<Integer, String> sources = new java.util.TreeMap<>();
        jdbc.query(
                "select coverage_year, 'this system' from yibao.coverage where id_number = ? and coverage_year < ? "
                        + "union all select coverage_year, 'coverage history import (' || region_code || ', ' "
                        + "|| lower(scheme) || ' scheme)' from yibao.prior_coverage "
                        + "where id_number = ? and coverage_year < ? order by 1, 2 desc",
                rs -> {
                    sources.putIfAbsent(rs.getInt(1), rs.getString(2));
                },
                idNumber,
                coverageYear,
                idNumber,
                coverageYear);
        return sources;
    }
}
