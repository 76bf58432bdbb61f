package com.yibaoflow.enrollment;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.waiting.BackPaymentCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R-WAIT-04 back-payment of a case (issue #17 item 1): each back-paid year priced from that year's active policy
 * version; a year without one is a 400 naming {@code paidBackYears}, asked before any case is written.
 */
@Component
class BackPayments {

    private final PolicyService policies;
    private final ResidentRecords records;
    private final BackPaymentCalculator calculator = new BackPaymentCalculator();

    BackPayments(PolicyService policies, ResidentRecords records) {
        this.policies = policies;
        this.records = records;
    }

    /** The breakdown for a case whose missed years are known (from the waiting-period calculation). */
    BackPaymentCalculator.Result of(PolicySnapshot current, EnrollmentCase c, int missedYears) {
        int n = Math.min(c.paidBackYears(), Math.max(0, missedYears));
        return calculator.calculate(
                current, c.paidBackYears(), missedYears, snapshots(c.regionCode(), current.coverageYear(), n));
    }

    /**
     * Intake check: the declared back-paid years that would be charged have a policy version each, else a 400 on
     * {@code paidBackYears} (no case, no process).
     */
    void requireVersions(String regionCode, int coverageYear, String idNumber, int declared) {
        if (declared <= 0) {
            return;
        }
        Set<Integer> covered = new HashSet<>(records.coverageYearsBefore(idNumber, coverageYear));
        // the missed years as the waiting period counts them, never-covered reading included (issue #17 item 4)
        int missed;
        try {
            missed = WaitingPeriodCalculator.countedMissedYears(
                    policies.activeSnapshot(regionCode, coverageYear)
                            .parameters()
                            .waiting(),
                    coverageYear,
                    covered,
                    birthDateOf(idNumber));
        } catch (DomainException noPolicy) {
            missed = WaitingPeriodCalculator.missedYears(coverageYear, covered);
        }
        int n = Math.min(declared, missed);
        Map<Integer, PolicySnapshot> found = snapshots(regionCode, coverageYear, n);
        for (int year = coverageYear - 1; year >= coverageYear - n; year--) {
            if (!found.containsKey(year)) {
                throw DomainException.invalidField(
                        "paidBackYears",
                        "补缴的" + year + "年度在本地区（" + regionCode + "）没有政策参数版本，无法确定当年个人缴费标准，" + "请先录入该年度政策参数");
            }
        }
    }

    private static java.time.LocalDate birthDateOf(String idNumber) {
        return ResidentIdNumber.isValid(idNumber)
                ? ResidentIdNumber.parse(idNumber).birthDate()
                : null;
    }

    /** The standards of the recorded breakdown, most recent year first. */
    static List<java.math.BigDecimal> standards(EnrollmentCase c) {
        return c.backPaymentBreakdown().stream()
                .map(BackPaidYear::individualStandard)
                .toList();
    }

    BackPaymentCalculator calculator() {
        return calculator;
    }

    private Map<Integer, PolicySnapshot> snapshots(String regionCode, int coverageYear, int n) {
        Map<Integer, PolicySnapshot> byYear = new HashMap<>();
        for (int year = coverageYear - 1; year >= coverageYear - n; year--) {
            try {
                byYear.put(year, policies.activeSnapshot(regionCode, year));
            } catch (DomainException none) {
                // absent: the calculator names the year
            }
        }
        return byYear;
    }
}
