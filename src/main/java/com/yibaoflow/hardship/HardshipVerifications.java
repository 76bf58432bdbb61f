package com.yibaoflow.hardship;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HardshipVerifications extends JpaRepository<HardshipVerification, Long> {}
