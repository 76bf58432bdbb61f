package com.yibaoflow.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MajorMatterOpinions extends JpaRepository<MajorMatterOpinion, Long> {

    List<MajorMatterOpinion> findByMajorMatterIdOrderByIdAsc(Long majorMatterId);

    long countByMajorMatterId(Long majorMatterId);
}
