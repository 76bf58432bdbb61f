package com.yibaoflow.region;

import java.util.List;
import java.util.Objects;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pooling regions, for every module that asks (each API request asks which regions its user may see). Seeded by
 * migrations and changed by no API, so they are read once and kept in the {@code regions} cache.
 *
 * <p>Through the {@link Cache} API, with a read-only transaction only on a miss: as {@code @Cacheable} and
 * {@code @Transactional} every call went through both interceptors, outside a transaction the second began one (a
 * connection checked out and returned), and an intake asks several times (2.6 % of its CPU, docs/benchmarks.md).
 */
@Service
public class RegionDirectory {

    private static final String CACHE = "regions";
    private static final String ALL = "all";

    private final Regions regions;
    private final Cache cache;
    private final TransactionTemplate readOnly;

    RegionDirectory(Regions regions, CacheManager caches, PlatformTransactionManager transactionManager) {
        this.regions = regions;
        this.cache = Objects.requireNonNull(caches.getCache(CACHE), CACHE);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public List<Region> all() {
        return cache.get(ALL, () -> readOnly.execute(status -> List.copyOf(regions.findAllByOrderByCode())));
    }
}
