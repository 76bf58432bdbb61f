package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicySnapshot;
import java.time.LocalDate;

/** The checks of a {@link WaitingPeriodInput} against its policy before any waiting rule applies. */
final class WaitingInputs {

    private WaitingInputs() {}

    static void validate(PolicySnapshot snapshot, WaitingPeriodInput input) {
        Periods periods = snapshot.parameters().periods();
        if (input.coverageYear() != snapshot.coverageYear()) {
            throw new InvalidCalculationInputException(
                    "coverageYear",
                    "must be the policy's coverage year " + snapshot.coverageYear() + ", was " + input.coverageYear());
        }
        LocalDate payment = Inputs.required(input.paymentDate(), "paymentDate");
        LocalDate birth = Inputs.required(input.birthDate(), "birthDate");
        LocalDate earliest = WaitingPeriodCalculator.earliestPayment(periods, input.residence());
        if (payment.isBefore(earliest) || payment.isAfter(periods.coverageEnd())) {
            throw new InvalidCalculationInputException(
                    "paymentDate", "must be within " + earliest + " … " + periods.coverageEnd() + ", was " + payment);
        }
        if (birth.isAfter(payment)) {
            throw new InvalidCalculationInputException(
                    "birthDate", "must not be after the payment date " + payment + ", was " + birth);
        }
        for (Integer year : Inputs.optionalSet(input.coveredYears(), "coveredYears")) {
            if (year >= input.coverageYear() || year < birth.getYear()) {
                throw new InvalidCalculationInputException(
                        "coveredYears",
                        "must lie between the birth year "
                                + birth.getYear() + " and the year before the coverage year " + input.coverageYear()
                                + ", was " + year);
            }
        }
        Inputs.nonNegative(input.backPaidYears(), "backPaidYears");
        if (input.employeeInsuranceEnd() != null
                && !input.employeeInsuranceEnd().isBefore(periods.coverageEnd())) {
            throw new InvalidCalculationInputException(
                    "employeeInsuranceEnd",
                    "must be before the coverage end " + periods.coverageEnd()
                            + " (an employee period reaching it is double enrollment, R-ELIG-02), was "
                            + input.employeeInsuranceEnd());
        }
        for (Integer year : Inputs.optionalSet(input.employeeInsuredYears(), "employeeInsuredYears")) {
            if (year == null || year > input.coverageYear()) {
                throw new InvalidCalculationInputException(
                        "employeeInsuredYears", "must not lie after the coverage year " + input.coverageYear());
            }
        }
    }
}
