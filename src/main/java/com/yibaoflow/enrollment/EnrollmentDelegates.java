package com.yibaoflow.enrollment;

import com.yibaoflow.shared.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegate beans {@code processes/enrollment.bpmn} and {@code processes/payment-deadline-sweep.bpmn} call by name
 * (docs/process-contracts.md). Thin by design: each hands the execution to one step of {@link EnrollmentSteps} or
 * {@link PaymentDeadlineSweep}.
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

    /** {@code Task_SignalDueCases} of {@code processes/payment-deadline-sweep.bpmn}: one batch from the cursor on. */
    @Bean
    JavaDelegate signalDuePaymentDeadlines(PaymentDeadlineSweep sweep) {
        return execution -> {
            Long cursor = ProcessVariables.longValue(execution, PaymentDeadlineSweep.CURSOR);
            PaymentDeadlineSweep.Batch batch = sweep.signalDue(cursor == null ? 0 : cursor,
                    ProcessVariables.integer(execution, PaymentDeadlineSweep.BATCH_SIZE));
            execution.setVariable(PaymentDeadlineSweep.CURSOR, batch.lastCaseId());
            execution.setVariable(PaymentDeadlineSweep.MORE_DUE, batch.full());
            execution.setVariable(PaymentDeadlineSweep.REMINDERS_SIGNALLED, batch.reminders());
            execution.setVariable(PaymentDeadlineSweep.LAPSES_SIGNALLED, batch.lapses());
        };
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
