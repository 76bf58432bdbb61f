package com.yibaoflow.hardship;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface HardshipClaims extends JpaRepository<HardshipClaim, Long> {

    List<HardshipClaim> findByVerificationIdOrderByIdAsc(Long verificationId);

    Optional<HardshipClaim> findByVerificationIdAndCategory(Long verificationId, String category);
}
