package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Residence;
import java.time.LocalDate;
import java.util.Set;

/**
 * Input of {@link WaitingPeriodCalculator}.
 *
 * @param coverageYear  the coverage year paid for; must be the snapshot's coverage year
 * @param paymentDate   date the contribution was paid, within [collectionStart, coverageEnd] (students may pay
 *                      earlier, R-REG-03)
 * @param birthDate     required, not after the payment date
 * @param residence     optional; NEWBORN and the region's exempt groups (R-WAIT-01)
 * @param coveredYears  earlier coverage years the person was enrolled in, all before {@code coverageYear}; null = none
 * @param backPaidYears years of contributions paid back (补缴), at most the missed years (R-WAIT-04)
 */
public record WaitingPeriodInput(
        int coverageYear,
        LocalDate paymentDate,
        LocalDate birthDate,
        Residence residence,
        Set<Integer> coveredYears,
        int backPaidYears) {}
