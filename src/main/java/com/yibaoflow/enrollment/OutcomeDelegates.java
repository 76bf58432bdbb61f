package com.yibaoflow.enrollment;

import static com.yibaoflow.enrollment.EnrollmentProcess.*;
import static com.yibaoflow.enrollment.StepVariables.caseRef;
import static com.yibaoflow.shared.process.ProcessVariables.string;

import com.yibaoflow.shared.process.ProcessVariables;
import com.yibaoflow.shared.time.ClockConfiguration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates after the figures: payment wait, coverage, rejection, withdrawal, and the payment deadline sweep
 * ({@code processes/payment-deadline-sweep.bpmn}); thin, as {@link IntakeDelegates}.
 */
@Configuration(proxyBeanMethods = false)
class OutcomeDelegates {

    @Bean
    JavaDelegate remindTownshipOfUnpaid(UnpaidCases unpaid) {
        return execution -> unpaid.remindTownship(caseRef(execution));
    }

    @Bean
    JavaDelegate recordEnrollmentLapse(UnpaidCases unpaid) {
        return execution -> unpaid.lapse(caseRef(execution));
    }

    @Bean
    JavaDelegate activateCoverage(CoverageActivation activation) {
        return execution -> {
            Object paidAt = execution.getVariable(PAID_AT);
            activation.activate(
                    caseRef(execution),
                    new CoverageActivation.Paid(
                            paidAt instanceof Date d
                                    ? d.toInstant()
                                            .atZone(ClockConfiguration.ZONE)
                                            .toLocalDate()
                                    : null,
                            string(execution, PAID_AMOUNT),
                            string(execution, PAYMENT_REFERENCE)));
        };
    }

    @Bean
    JavaDelegate recordEnrollmentRejection(CaseClosing closing) {
        return execution -> closing.reject(
                caseRef(execution), string(execution, REJECTION_REASON), string(execution, REJECTION_DETAIL));
    }

    @Bean
    JavaDelegate recordEnrollmentWithdrawal(CaseClosing closing) {
        return execution -> closing.withdraw(caseRef(execution), string(execution, WITHDRAWN_BY));
    }

    /** {@code Task_SignalDueCases} of {@code processes/payment-deadline-sweep.bpmn}: one batch from the cursor on. */
    @Bean
    JavaDelegate signalDuePaymentDeadlines(PaymentDeadlineSweep sweep) {
        return execution -> {
            Long cursor = ProcessVariables.longValue(execution, PaymentDeadlineSweep.CURSOR);
            PaymentDeadlineSweep.Batch batch = sweep.signalDue(
                    cursor == null ? 0 : cursor, ProcessVariables.integer(execution, PaymentDeadlineSweep.BATCH_SIZE));
            execution.setVariable(PaymentDeadlineSweep.CURSOR, batch.lastCaseId());
            execution.setVariable(PaymentDeadlineSweep.MORE_DUE, batch.full());
            execution.setVariable(PaymentDeadlineSweep.REMINDERS_SIGNALLED, batch.reminders());
            execution.setVariable(PaymentDeadlineSweep.LAPSES_SIGNALLED, batch.lapses());
        };
    }
}
