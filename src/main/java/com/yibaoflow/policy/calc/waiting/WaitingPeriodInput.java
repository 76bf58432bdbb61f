package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import java.time.LocalDate;
import java.util.Set;

/**
 * Input of {@link WaitingPeriodCalculator}.
 *
 * @param coverageYear          the coverage year paid for; must be the snapshot's coverage year
 * @param paymentDate           date the contribution was paid, within [collectionStart, coverageEnd] (students may
 *                              pay earlier, R-REG-03)
 * @param birthDate             required, not after the payment date
 * @param residence             optional; NEWBORN and the region's exempt groups (R-WAIT-01)
 * @param coveredYears          earlier coverage years the person was insured in (either scheme), all before
 *                              {@code coverageYear}; null = none
 * @param backPaidYears         years of contributions paid back (补缴), at most the missed years (R-WAIT-04)
 * @param categories            the person's verified hardship categories for the year (R-WAIT-01 exempt categories);
 *                              null = none
 * @param employeeInsuranceEnd  the last day of the person's latest employee-insurance period ended before the coverage
 *                              end, if any (R-ELIG-02: a switch from employee insurance); null = none
 * @param employeeInsuredYears  years in which the person had employee insurance on record (for the switch's
 *                              continuity); null = none
 */
public record WaitingPeriodInput(
        int coverageYear,
        LocalDate paymentDate,
        LocalDate birthDate,
        Residence residence,
        Set<Integer> coveredYears,
        int backPaidYears,
        Set<HardshipCategory> categories,
        LocalDate employeeInsuranceEnd,
        Set<Integer> employeeInsuredYears) {

    /** Without hardship categories and without employee insurance. */
    public WaitingPeriodInput(
            int coverageYear,
            LocalDate paymentDate,
            LocalDate birthDate,
            Residence residence,
            Set<Integer> coveredYears,
            int backPaidYears) {
        this(coverageYear, paymentDate, birthDate, residence, coveredYears, backPaidYears, null, null, null);
    }

    /** The same input with other back-paid years. */
    public WaitingPeriodInput withBackPaidYears(int years) {
        return new WaitingPeriodInput(
                coverageYear,
                paymentDate,
                birthDate,
                residence,
                coveredYears,
                years,
                categories,
                employeeInsuranceEnd,
                employeeInsuredYears);
    }
}
