package com.yibaoflow.escalation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MajorMatterFilings extends JpaRepository<MajorMatterFiling, Long> {

    List<MajorMatterFiling> findByMajorMatterIdOrderByIdAsc(Long majorMatterId);

    boolean existsByMajorMatterIdAndAuthority(Long majorMatterId, MajorMatterFiling.Authority authority);
}
