package com.yibaoflow.region;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface Regions extends JpaRepository<Region, String> {

    List<Region> findAllByOrderByCode();
}
