package com.yibaoflow.audit;

/** Who may read trails, chain verifications and checkpoints: auditors, every department's supervisors, admins. */
final class AuditReaders {

    static final String EXPRESSION = "hasAnyRole('auditors', 'camunda-admin', 'medical-security-supervisors', "
            + "'civil-affairs-supervisors', 'agriculture-rural-supervisors', 'veterans-affairs-supervisors', "
            + "'health-commission-supervisors', 'disabled-federation-supervisors')";

    /** Who may sign a checkpoint on demand: supervisors of the medical security bureau and admins (not auditors). */
    static final String CHECKPOINT_WRITERS = "hasAnyRole('camunda-admin', 'medical-security-supervisors')";

    private AuditReaders() {}
}
