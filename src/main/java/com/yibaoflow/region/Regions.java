package com.yibaoflow.region;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Regions extends JpaRepository<Region, String> {

    List<Region> findAllByOrderByCode();
}
