package com.yibaoflow.testsupport;

import com.yibaoflow.shared.imports.ImportLease;
import com.yibaoflow.shared.imports.ImportNode;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #16 §3: plays another node's sweep taking an import over because its run's heartbeat came late (a busy
 * node), while that run goes on. In a transaction of its own (not the run's, when called from within it), so no
 * heartbeat renews the import between its heartbeat turning stale and the takeover; imports of other tests that the
 * sweep finds are released again at once.
 */
public final class LateHeartbeats {

    private final JdbcTemplate jdbc;
    private final ImportNode node;
    private final TransactionTemplate own;

    public LateHeartbeats(JdbcTemplate jdbc, ImportNode node, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.node = node;
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The import {@code id} of {@code table}, taken over by {@code sweep} under a new lease: the work of the new run. */
    public <T> T takeOver(String table, long id, Supplier<List<T>> sweep, Function<T, ImportLease> lease) {
        return own.execute(status -> {
            jdbc.update("update " + table + " set heartbeat_at = now() - interval '1 hour' where id = ?", id);
            List<T> taken = sweep.get();
            taken.stream().filter(w -> lease.apply(w).id() != id).forEach(w -> node.release(lease.apply(w)));
            return taken.stream()
                    .filter(w -> lease.apply(w).id() == id)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("import " + id + " of " + table + " was not taken over"));
        });
    }
}
