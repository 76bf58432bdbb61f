package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.PolicyParameters.EmployeeSwitch;
import com.yibaoflow.policy.calc.PolicyParameters.EmployeeSwitchTreatment;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/** R-ELIG-02 (issue #17 item 6): the region's treatment of a switch from employee insurance. */
final class EmployeeSwitchWaiver {

    private EmployeeSwitchWaiver() {}

    /**
     * R-ELIG-02 (issue #17 item 6): whether the region's treatment of a switch from employee insurance waives the
     * waiting period; explains either way.
     */
    static boolean waives(
            PolicySnapshot snapshot, WaitingPeriodInput input, Set<Integer> covered, Explanation explanation) {
        EmployeeSwitch rule = snapshot.parameters().waiting().employeeSwitch();
        LocalDate ended = input.employeeInsuranceEnd();
        if (rule.treatment() == EmployeeSwitchTreatment.AS_ANY_ENROLLMENT) {
            explanation.step(
                    Rule.R_ELIG_02,
                    "switch from employee insurance (ended " + ended + "): the region treats it like any other "
                            + "enrollment; the waiting period follows the rules below.",
                    explanation.param("waiting.employeeSwitch.treatment", rule.treatment()));
            return false;
        }
        Set<Integer> insured = new HashSet<>(covered);
        insured.addAll(Inputs.optionalSet(input.employeeInsuredYears(), "employeeInsuredYears"));
        int consecutive = 0;
        for (int year = input.coverageYear() - 1; insured.contains(year); year--) {
            consecutive++;
        }
        LocalDate latest = ended.plusMonths(rule.maxInterruptionMonths());
        boolean shortInterruption = !input.paymentDate().isAfter(latest);
        boolean continuous = consecutive >= rule.minInsuredYears();
        boolean waived = shortInterruption && continuous;
        explanation.step(
                Rule.R_ELIG_02,
                "switch from employee insurance (ended " + ended + "), paid " + input.paymentDate()
                        + (shortInterruption
                                ? " (within " + rule.maxInterruptionMonths() + " month(s), by " + latest + ")"
                                : " (later than " + rule.maxInterruptionMonths() + " month(s), after " + latest + ")")
                        + ", insured " + consecutive + " consecutive full year(s) before the coverage year"
                        + (continuous ? "" : " (fewer than " + rule.minInsuredYears() + ")")
                        + (waived
                                ? ": no waiting period."
                                : ": the waiver does not apply; the waiting period follows the rules below."),
                explanation.param("waiting.employeeSwitch.treatment", rule.treatment()),
                explanation.param("waiting.employeeSwitch.maxInterruptionMonths", rule.maxInterruptionMonths()),
                explanation.param("waiting.employeeSwitch.minInsuredYears", rule.minInsuredYears()));
        return waived;
    }
}
