package com.yibaoflow.policy;

import org.springframework.data.jpa.repository.JpaRepository;

public interface NationalFloors extends JpaRepository<NationalFloor, Integer> {}
