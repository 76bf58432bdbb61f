package com.yibaoflow.enrollment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface Payments extends JpaRepository<Payment, String> {

    List<Payment> findByCaseIdOrderByReceivedAtAsc(Long caseId);
}
