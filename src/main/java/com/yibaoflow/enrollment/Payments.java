package com.yibaoflow.enrollment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Payments extends JpaRepository<Payment, String> {

    /** JPQL, not derived: a derived (criteria) query is translated anew on every call, and every payment asks. */
    @Query("select p from Payment p where p.caseId = ?1 order by p.receivedAt")
    List<Payment> findByCaseIdOrderByReceivedAtAsc(Long caseId);

    List<Payment> findByRegionCodeAndCoverageYearAndOutcomeOrderByReceivedAt(
            String regionCode, int coverageYear, Payment.Outcome outcome);
}
