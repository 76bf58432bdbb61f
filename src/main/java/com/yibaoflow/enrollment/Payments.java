package com.yibaoflow.enrollment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Payments extends JpaRepository<Payment, String> {

    /** JPQL, not derived: a derived (criteria) query is translated anew on every call, and every payment asks. */
    @Query("select p from Payment p where p.caseId = ?1 order by p.receivedAt")
    List<Payment> findByCaseIdOrderByReceivedAtAsc(Long caseId);

    /**
     * The reference of the case's accepted payment, if it has one (at most one: a later one is an overpayment). Asked
     * on every payment and withdrawal; {@code payment_accepted_case} (V69) answers it.
     */
    @Query("select p.paymentReference from Payment p where p.caseId = ?1 and p.outcome = 'ACCEPTED'"
            + " order by p.receivedAt limit 1")
    Optional<String> firstAccepted(Long caseId);

    List<Payment> findByRegionCodeAndCoverageYearAndOutcomeOrderByReceivedAt(
            String regionCode, int coverageYear, Payment.Outcome outcome);
}
