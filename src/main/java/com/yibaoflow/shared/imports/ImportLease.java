package com.yibaoflow.shared.imports;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One run's hold on one import (issue #16 §3): the import's table and id, and the generation of the lease the run
 * was given. Every takeover bumps the import's {@code lease_generation} ({@link ImportNode#takeOver}), so a run that
 * was taken over (its heartbeat came late, on a busy node) no longer matches it: whatever it then writes through
 * {@link ImportNode} (a batch's progress, a heartbeat, the end) changes nothing, and it stops by {@link Lost}.
 */
public record ImportLease(String table, long id, long generation) {

    /** The lease of an import just recorded (its {@code lease_generation} starts at 0). */
    public static ImportLease first(String table, long id) {
        return new ImportLease(table, id, 0);
    }

    /** The lease of the import in the current row of {@code rs}, which has its {@code id} and {@code lease_generation}. */
    public static ImportLease of(String table, ResultSet rs) throws SQLException {
        return new ImportLease(table, rs.getLong("id"), rs.getLong("lease_generation"));
    }

    /**
     * The run no longer holds its import: another run took it over, or it has ended. The run rolls back what it is
     * writing and stops, leaving the import, its counters and its kept file to the run that holds it.
     */
    public static final class Lost extends RuntimeException {

        Lost(ImportLease lease) {
            super(
                    "import " + lease.id() + " of " + lease.table()
                            + " is no longer held by this run (lease generation " + lease.generation() + ")",
                    null,
                    false,
                    false);
        }
    }
}
