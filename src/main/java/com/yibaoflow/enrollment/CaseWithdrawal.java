package com.yibaoflow.enrollment;

import com.yibaoflow.shared.problem.DomainException;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resident withdraws an application (issue #4 §9): only an unpaid open one, whose process still runs. */
@Service
class CaseWithdrawal {

    private final PaymentRows payments;
    private final RuntimeService runtime;

    CaseWithdrawal(PaymentRows payments, RuntimeService runtime) {
        this.payments = payments;
        this.runtime = runtime;
    }

    /** Asks the case's process to withdraw it ({@code Task_RecordWithdrawal}), or refuses with a conflict. */
    @Transactional
    void withdraw(EnrollmentCase c, String userId) {
        // an accepted payment counts at once, before the background batch has told the process (PaymentCorrelations)
        boolean paid = payments.firstAccepted(c.id()).isPresent();
        boolean open = c.status() == EnrollmentStatus.RECEIVED
                || c.status() == EnrollmentStatus.IN_REVIEW
                || c.status() == EnrollmentStatus.AWAITING_PAYMENT;
        if (paid
                || !open
                || runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(c.businessKey())
                                .processDefinitionKey(EnrollmentProcess.KEY)
                                .count()
                        == 0) {
            throw DomainException.conflict(
                    "Case " + c.id() + " is " + c.status() + (paid ? " and paid" : "")
                            + ": only an unpaid open application can be withdrawn",
                    Map.of("status", c.status()));
        }
        runtime.createMessageCorrelation(EnrollmentProcess.MESSAGE_WITHDRAWAL_REQUESTED)
                .processInstanceId(c.processInstanceId())
                .setVariable(EnrollmentProcess.WITHDRAWN_BY, userId)
                .correlate();
    }
}
