package com.yibaoflow.escalation;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MajorMatters extends JpaRepository<MajorMatter, Long> {

    Optional<MajorMatter> findByProcessInstanceId(String processInstanceId);

    boolean existsByRegionCode(String regionCode);

    /** The request locked for a change that must not race another (a withdrawal against a decision). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from MajorMatter m where m.id = :id")
    Optional<MajorMatter> lockById(Long id);

    @Query("""
            select m from MajorMatter m
            where m.regionCode in :regions
              and (:state is null or m.state = :state)
              and (:type is null or m.type = :type)
              and (:level is null or m.currentLevel = :level)
            """)
    Page<MajorMatter> search(
            Collection<String> regions,
            MajorMatterState state,
            MajorMatterType type,
            MajorMatterLevel level,
            Pageable pageable);
}
