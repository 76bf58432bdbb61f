package com.yibaoflow.enrollment;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.QueryHint;

import java.util.List;
import java.util.Optional;

public interface Coverages extends JpaRepository<Coverage, Long> {

    Optional<Coverage> findByCaseId(Long caseId);

    /** The coverage years of a person before the given one (R-WAIT-02: gaps in continuous enrollment). */
    // earlier years only: no need to flush this transaction's changes first
    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select c.coverageYear from Coverage c where c.idNumber = ?1 and c.coverageYear < ?2")
    List<Integer> yearsBefore(String idNumber, int coverageYear);
}
