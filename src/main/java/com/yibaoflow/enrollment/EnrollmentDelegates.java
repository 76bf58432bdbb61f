package com.yibaoflow.enrollment;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegate beans {@code processes/enrollment.bpmn} calls by name (docs/process-contracts.md). Thin by design:
 * each hands the execution to one step of {@link EnrollmentSteps}.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentDelegates {

    @Bean
    JavaDelegate registerEnrollmentCase(EnrollmentSteps steps) {
        return steps::register;
    }

    @Bean
    JavaDelegate checkEnrollmentIdentity(EnrollmentSteps steps) {
        return steps::checkIdentity;
    }

    @Bean
    JavaDelegate checkEnrollmentEligibility(EnrollmentSteps steps) {
        return steps::checkEligibility;
    }

    @Bean
    JavaDelegate calculateEnrollmentFigures(EnrollmentSteps steps) {
        return steps::calculate;
    }

    @Bean
    TaskListener recordEnrollmentReview(EnrollmentSteps steps) {
        return steps::recordReview;
    }

    @Bean
    JavaDelegate escalateEnrollmentReview(EnrollmentSteps steps) {
        return steps::escalateReview;
    }

    @Bean
    JavaDelegate applyEnrollmentCorrection(EnrollmentSteps steps) {
        return steps::applyCorrection;
    }

    @Bean
    JavaDelegate remindTownshipOfUnpaid(EnrollmentSteps steps) {
        return steps::remindTownship;
    }

    @Bean
    JavaDelegate recordEnrollmentLapse(EnrollmentSteps steps) {
        return steps::recordLapse;
    }

    @Bean
    JavaDelegate activateCoverage(EnrollmentSteps steps) {
        return steps::activate;
    }

    @Bean
    JavaDelegate recordEnrollmentRejection(EnrollmentSteps steps) {
        return steps::recordRejection;
    }

    @Bean
    JavaDelegate recordEnrollmentWithdrawal(EnrollmentSteps steps) {
        return steps::recordWithdrawal;
    }
}
