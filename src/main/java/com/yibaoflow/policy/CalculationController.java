package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.benefit.Delivery;
import com.yibaoflow.policy.calc.benefit.InpatientBenefitCalculator;
import com.yibaoflow.policy.calc.benefit.InpatientInput;
import com.yibaoflow.policy.calc.benefit.InpatientResult;
import com.yibaoflow.policy.calc.burden.BurdenCalculator;
import com.yibaoflow.policy.calc.burden.BurdenInput;
import com.yibaoflow.policy.calc.burden.BurdenResult;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.policy.calc.contribution.Payer;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitCalculator;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitInput;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitResult;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodInput;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What-if calculations for caseworkers (issue #3): each endpoint takes a region and coverage year, resolves the active
 * policy parameter version and runs the pure calculator over it. The answer carries every figure with an
 * explanation citing rule ID and clause. Unknown region or year → 404; an input no rule applies to → 400 naming the
 * field.
 */
@RestController
@RequestMapping("/api/calculations")
@Tag(
        name = "Calculations",
        description = "Contribution, waiting period, critical-illness limit, inpatient benefit "
                + "and burden, over the active policy parameters of a region and coverage year")
class CalculationController {

    private final PolicyService policies;
    private final ContributionCalculator contribution = new ContributionCalculator();
    private final WaitingPeriodCalculator waiting = new WaitingPeriodCalculator();
    private final CriticalIllnessLimitCalculator criticalIllnessLimit = new CriticalIllnessLimitCalculator();
    private final InpatientBenefitCalculator inpatient = new InpatientBenefitCalculator();
    private final BurdenCalculator burden = new BurdenCalculator();

    CalculationController(PolicyService policies) {
        this.policies = policies;
    }

    record ContributionRequest(
            @NotBlank String regionCode,
            @NotNull @Min(2000) @Max(2100) Integer coverageYear,
            @NotNull Residence residence,
            Set<HardshipCategory> categories,
            Payer payer) {}

    record WaitingPeriodRequest(
            @NotBlank String regionCode,
            @NotNull @Min(2000) @Max(2100) Integer coverageYear,
            @NotNull LocalDate paymentDate,
            @NotNull LocalDate birthDate,
            Residence residence,
            Set<Integer> coveredYears,
            @Min(0) Integer backPaidYears,
            Set<HardshipCategory> categories,
            LocalDate employeeInsuranceEnd,
            Set<Integer> employeeInsuredYears) {}

    record CriticalIllnessLimitRequest(
            @NotBlank String regionCode,
            @NotNull @Min(2000) @Max(2100) Integer coverageYear,
            @NotNull @Min(0) Integer continuousYears,
            @Min(0) Integer zeroClaimYears,
            Set<HardshipCategory> categories) {}

    record InpatientRequest(
            @NotBlank String regionCode,
            @NotNull @Min(2000) @Max(2100) Integer coverageYear,
            @NotNull BigDecimal totalCost,
            @NotNull BigDecimal policyScopeCost,
            Delivery delivery,
            Boolean complications,
            Set<HardshipCategory> categories,
            BigDecimal criticalIllnessLimitRaise,
            BigDecimal basicFundPaidYtd,
            BigDecimal criticalIllnessBaseYtd,
            BigDecimal criticalIllnessPaidYtd,
            BigDecimal assistanceBaseYtd,
            BigDecimal assistancePaidYtd) {}

    record BurdenRequest(
            @NotBlank String regionCode,
            @NotNull @Min(2000) @Max(2100) Integer coverageYear,
            @NotNull PopulationGroup populationGroup,
            @NotNull BigDecimal outOfPocketYtd) {}

    @PostMapping("/contribution")
    @Operation(summary = "Contribution, subsidy and fiscal split (R-FUND-01..06, R-SUB-01..13)")
    ContributionResult contribution(@Valid @RequestBody ContributionRequest request) {
        return contribution.calculate(
                policies.activeSnapshot(request.regionCode(), request.coverageYear()),
                new ContributionInput(request.residence(), request.categories(), request.payer()));
    }

    @PostMapping("/waiting-period")
    @Operation(summary = "Waiting period and benefit start date (R-WAIT-01..05, R-ELIG-03)")
    WaitingPeriodResult waitingPeriod(@Valid @RequestBody WaitingPeriodRequest request) {
        return waiting.calculate(
                policies.activeSnapshot(request.regionCode(), request.coverageYear()),
                new WaitingPeriodInput(
                        request.coverageYear(),
                        request.paymentDate(),
                        request.birthDate(),
                        request.residence(),
                        request.coveredYears(),
                        request.backPaidYears() == null ? 0 : request.backPaidYears(),
                        request.categories(),
                        request.employeeInsuranceEnd(),
                        request.employeeInsuredYears()));
    }

    @PostMapping("/critical-illness-limit")
    @Operation(
            summary = "Critical-illness annual limit raised for continuous and zero-claim years (R-WAIT-06/07, "
                    + "R-BEN-06)")
    CriticalIllnessLimitResult criticalIllnessLimit(@Valid @RequestBody CriticalIllnessLimitRequest request) {
        return criticalIllnessLimit.calculate(
                policies.activeSnapshot(request.regionCode(), request.coverageYear()),
                new CriticalIllnessLimitInput(
                        request.continuousYears(),
                        request.zeroClaimYears() == null ? 0 : request.zeroClaimYears(),
                        request.categories()));
    }

    @PostMapping("/inpatient")
    @Operation(
            summary = "One inpatient stay through basic insurance, critical-illness insurance and medical "
                    + "assistance, or the childbirth allowance (R-BEN-01..06); year-to-date figures in and out")
    InpatientResult inpatient(@Valid @RequestBody InpatientRequest request) {
        return inpatient.calculate(
                policies.activeSnapshot(request.regionCode(), request.coverageYear()),
                new InpatientInput(
                        request.totalCost(),
                        request.policyScopeCost(),
                        request.delivery(),
                        Boolean.TRUE.equals(request.complications()),
                        request.categories(),
                        request.criticalIllnessLimitRaise(),
                        request.basicFundPaidYtd(),
                        request.criticalIllnessBaseYtd(),
                        request.criticalIllnessPaidYtd(),
                        request.assistanceBaseYtd(),
                        request.assistancePaidYtd()));
    }

    @PostMapping("/burden")
    @Operation(summary = "Year-to-date out-of-pocket against the population group's warning line (R-MON-01/02)")
    BurdenResult burden(@Valid @RequestBody BurdenRequest request) {
        return burden.calculate(
                policies.activeSnapshot(request.regionCode(), request.coverageYear()),
                new BurdenInput(request.populationGroup(), request.outOfPocketYtd()));
    }
}
