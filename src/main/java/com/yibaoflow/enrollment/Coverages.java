package com.yibaoflow.enrollment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Coverages extends JpaRepository<Coverage, Long> {

    Optional<Coverage> findByCaseId(Long caseId);
}
