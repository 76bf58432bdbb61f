package com.yibaoflow.enrollment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;

interface Coverages extends JpaRepository<Coverage, Long> {

    Optional<Coverage> findByCaseId(Long caseId);
}
