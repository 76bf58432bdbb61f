package com.yibaoflow.enrollment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Payments extends JpaRepository<Payment, String> {

    List<Payment> findByCaseIdOrderByReceivedAtAsc(Long caseId);

    List<Payment> findByRegionCodeAndCoverageYearAndOutcomeOrderByReceivedAt(
            String regionCode, int coverageYear, Payment.Outcome outcome);
}
