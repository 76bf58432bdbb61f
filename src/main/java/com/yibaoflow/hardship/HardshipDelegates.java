package com.yibaoflow.hardship;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate beans {@code processes/hardship-verification.bpmn} calls by name; each hands over to a step. */
@Configuration(proxyBeanMethods = false)
class HardshipDelegates {

    @Bean
    JavaDelegate matchHardshipRosters(HardshipSteps steps) {
        return steps::matchRosters;
    }

    @Bean
    JavaDelegate recordHardshipClaimDecision(ClaimTaskSteps steps) {
        return steps::recordClaimDecision;
    }

    @Bean
    JavaDelegate determineHighestSubsidy(HardshipSteps steps) {
        return steps::determineHighestSubsidy;
    }

    @Bean
    JavaDelegate remindDepartmentOfClaim(ClaimTaskSteps steps) {
        return steps::remindDepartment;
    }

    @Bean
    JavaDelegate escalateHardshipClaim(ClaimTaskSteps steps) {
        return steps::escalateClaim;
    }
}
