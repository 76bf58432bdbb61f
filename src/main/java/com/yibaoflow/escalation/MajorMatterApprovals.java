package com.yibaoflow.escalation;

import com.yibaoflow.policy.activation.ActivationApproval;
import com.yibaoflow.policy.activation.ActivationApprovals;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The policy gate's answer (R-MM-03): an approval exists only for an approved request whose last step is running in
 * the calling thread and transaction ({@link #whileConcluding}, called by {@link PolicyActivationSteps#conclude}
 * alone). An API call or another module's service call naming the same request gets none, whatever the request's
 * state.
 */
@Component
class MajorMatterApprovals implements ActivationApprovals {

    private static final ThreadLocal<String> CONCLUDING = new ThreadLocal<>();

    private final PolicyChanges changes;

    MajorMatterApprovals(PolicyChanges changes) {
        this.changes = changes;
    }

    @Override
    public Optional<ActivationApproval> concluding(String approvingRequest) {
        if (approvingRequest == null
                || !approvingRequest.equals(CONCLUDING.get())
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        return changes.find(approvingRequest)
                .filter(c -> c.state() == PolicyChanges.State.APPROVED)
                .map(c -> new ActivationApproval(
                        c.documentNumber(), c.regionCode(), c.coverageYear(), c.version(), c.figuresDigest()));
    }

    /** Runs the activation of the request's change with the request marked as concluding in this thread. */
    static <T> T whileConcluding(String documentNumber, Supplier<T> activation) {
        CONCLUDING.set(documentNumber);
        try {
            return activation.get();
        } finally {
            CONCLUDING.remove();
        }
    }
}
