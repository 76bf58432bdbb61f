package com.yibaoflow.monitoring;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegate beans {@code processes/high-cost-referral.bpmn}, {@code processes/high-cost-referral-openings.bpmn}
 * and {@code processes/monitoring-monthly-scan.bpmn} call by name; each hands over to a step.
 */
@Configuration(proxyBeanMethods = false)
class ReferralDelegates {

    @Bean
    TaskListener validateReferralOutcome(ReferralVerificationSteps steps) {
        return steps::validateOutcome;
    }

    @Bean
    JavaDelegate recordReferralOutcome(ReferralVerificationSteps steps) {
        return steps::recordOutcome;
    }

    @Bean
    JavaDelegate remindReferralDepartment(ReferralVerificationSteps steps) {
        return steps::remind;
    }

    @Bean
    JavaDelegate escalateReferral(ReferralVerificationSteps steps) {
        return steps::escalate;
    }

    @Bean
    JavaDelegate applyReferralOutcomes(ReferralFollowUpSteps steps) {
        return steps::applyOutcomes;
    }

    @Bean
    JavaDelegate startReferralHardshipVerification(ReferralFollowUpSteps steps) {
        return steps::startHardshipVerification;
    }

    @Bean
    JavaDelegate checkReferralRisk(ReferralFollowUpSteps steps) {
        return steps::routineCheck;
    }

    /** One batch of the referral work scans queued; another job follows while the batch was full. */
    @Bean
    JavaDelegate openQueuedReferrals(ReferralOpenings openings) {
        return execution -> execution.setVariable(
                ReferralOpenings.MORE_QUEUED, openings.openBatch(openings.batchSize()) == openings.batchSize());
    }

    @Bean
    JavaDelegate listRegionsToScan(MonthlyScans scans) {
        return scans::listRegions;
    }

    @Bean
    JavaDelegate scanRegionMonthly(MonthlyScans scans) {
        return scans::scanRegion;
    }
}
