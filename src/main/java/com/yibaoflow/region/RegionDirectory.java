package com.yibaoflow.region;

import java.util.List;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pooling regions, for every module that asks (each API request asks which regions its user may see). Seeded by
 * migrations and changed by no API, so they are read once and kept in the {@code regions} cache.
 */
@Service
public class RegionDirectory {

    private final Regions regions;

    RegionDirectory(Regions regions) {
        this.regions = regions;
    }

    @Cacheable(cacheNames = "regions", key = "'all'")
    @Transactional(readOnly = true)
    public List<Region> all() {
        return List.copyOf(regions.findAllByOrderByCode());
    }
}
