package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodInput;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** R-WAIT-01..05 for a case, with the earlier coverage years on record; used at calculation and at activation. */
@Component
class WaitingPeriods {

    private final ResidentRecords records;
    private final WaitingPeriodCalculator waiting = new WaitingPeriodCalculator();

    WaitingPeriods(ResidentRecords records) {
        this.records = records;
    }

    /**
     * With the declared back-paid years (the figures before payment: what comes off if the payment covers them) and
     * the categories just verified (R-WAIT-01 exempt categories).
     */
    WaitingPeriodResult of(
            PolicySnapshot snapshot, EnrollmentCase c, LocalDate paymentDate, Collection<String> verifiedCategories) {
        return of(snapshot, c, paymentDate, c.paidBackYears(), verifiedCategories);
    }

    /**
     * Back-paid years count up to the years missed (R-WAIT-04: at activation, the years the payment covered); the
     * case's verified categories.
     */
    WaitingPeriodResult of(PolicySnapshot snapshot, EnrollmentCase c, LocalDate paymentDate, int backPaidYears) {
        return of(snapshot, c, paymentDate, backPaidYears, c.verifiedCategories());
    }

    private WaitingPeriodResult of(
            PolicySnapshot snapshot,
            EnrollmentCase c,
            LocalDate paymentDate,
            int backPaidYears,
            Collection<String> verifiedCategories) {
        java.util.SortedMap<Integer, String> sources = records.coverageSourcesBefore(c.idNumber(), c.coverageYear());
        Set<Integer> covered = new HashSet<>(sources.keySet());
        covered.removeIf(year -> c.birthDate() != null && year < c.birthDate().getYear());
        var periods = snapshot.parameters().periods();
        ResidentRecords.EmployeeHistory employee = records.employeeHistory(c.idNumber(), periods.coverageEnd());
        Set<HardshipCategory> categories = EnumSet.noneOf(HardshipCategory.class);
        verifiedCategories.forEach(code -> categories.add(HardshipCategory.valueOf(code)));
        WaitingPeriodInput input = new WaitingPeriodInput(
                c.coverageYear(),
                paymentDate,
                c.birthDate(),
                c.residence(),
                covered,
                0,
                categories,
                // a switch: the latest employee period ended since two years before the coverage start (older
                // ones are no switch to this enrollment; the allowed interruption is at most 12 months)
                employee.lastEnd()
                        .filter(end -> !end.isBefore(periods.coverageStart().minusYears(2)))
                        .orElse(null),
                employee.years());
        WaitingPeriodResult result = waiting.calculate(snapshot, input);
        if (backPaidYears > 0 && result.missedYears() > 0) {
            result =
                    waiting.calculate(snapshot, input.withBackPaidYears(Math.min(backPaidYears, result.missedYears())));
        }
        // R-ELIG-02: an employee period ending inside the coverage year pushes the benefit start past it
        Optional<LocalDate> endedInYear = employee.lastEnd().filter(end -> !end.isBefore(periods.coverageStart()));
        return withSources(snapshot, afterEmployeeInsurance(snapshot, endedInYear, result), sources);
    }

    /**
     * Issue #17 item 4: when a year on record comes from the coverage history imported from before this system, the
     * explanation says which years and from where (R-WAIT-01/03).
     */
    private static WaitingPeriodResult withSources(
            PolicySnapshot snapshot, WaitingPeriodResult r, java.util.SortedMap<Integer, String> sources) {
        if (sources.values().stream().allMatch("this system"::equals)) {
            return r;
        }
        String years = sources.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        var steps = new java.util.ArrayList<>(r.explanation());
        steps.addAll(new Explanation(snapshot)
                .step(Rule.R_WAIT_03, "coverage years on record before this one: " + years + ".")
                .steps());
        return new WaitingPeriodResult(
                r.exempt(),
                r.reason(),
                r.fixedMonths(),
                r.variableMonths(),
                r.totalMonths(),
                r.missedYears(),
                r.benefitStartDate(),
                r.coveredFromBirth(),
                r.benefitsInCoverageYear(),
                List.copyOf(steps));
    }

    /**
     * R-ELIG-02 (issue #17 item 6): double enrollment is about the same days. An employee-insurance period ending in
     * the coverage year does not block the enrollment; resident benefits start the day after it ends. The waiting
     * period itself follows the region's {@code waiting.employeeSwitch} treatment (in the calculator).
     */
    private static WaitingPeriodResult afterEmployeeInsurance(
            PolicySnapshot snapshot, Optional<LocalDate> ended, WaitingPeriodResult r) {
        if (ended.isEmpty() || ended.get().isBefore(r.benefitStartDate())) {
            return r;
        }
        LocalDate start = ended.get().plusDays(1);
        var steps = new java.util.ArrayList<>(r.explanation());
        steps.addAll(new Explanation(snapshot)
                .step(
                        Rule.R_ELIG_02,
                        "employee insurance until " + ended.get() + ": resident benefits start the day after, " + start
                                + ", so no day is insured twice.")
                .steps());
        return new WaitingPeriodResult(
                r.exempt(),
                r.reason(),
                r.fixedMonths(),
                r.variableMonths(),
                r.totalMonths(),
                r.missedYears(),
                start,
                r.coveredFromBirth(),
                r.benefitsInCoverageYear(),
                List.copyOf(steps));
    }
}
