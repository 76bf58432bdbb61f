package com.yibaoflow.escalation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FundIndicators extends JpaRepository<FundIndicator, Long> {

    boolean existsByRegionCodeAndMonth(String regionCode, LocalDate month);

    Optional<FundIndicator> findByRegionCodeAndMonth(String regionCode, LocalDate month);

    List<FundIndicator> findByRegionCodeInOrderByMonthDescRegionCodeAsc(Collection<String> regions);
}
