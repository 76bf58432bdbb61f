package com.yibaoflow.shared.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every cache of the application: Spring Cache over Caffeine, each named in {@code yibaoflow.caches} with its size
 * and lifetime (application.yml). Statistics are on, so Micrometer publishes each cache's hits, misses and
 * evictions ({@code cache_gets_total{cache=…}} in {@code /actuator/prometheus}). A cache not listed there is refused:
 * a typo in a cache name fails at the first call instead of caching forever without bound. The caches are
 * transaction-aware.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    /** One cache's limits: {@code maximum-size} entries, and {@code expire-after-write} if its entries go stale. */
    record Spec(long maximumSize, Duration expireAfterWrite) {}

    @Bean
    CacheManager cacheManager(Environment environment) {
        Map<String, Spec> specs =
                Binder.get(environment).bindOrCreate("yibaoflow.caches", Bindable.mapOf(String.class, Spec.class));
        CaffeineCacheManager manager = new CaffeineCacheManager();
        manager.setAllowNullValues(false);
        manager.setCacheNames(specs.keySet()); // only the configured ones: no dynamic caches
        specs.forEach((name, spec) -> {
            Caffeine<Object, Object> builder =
                    Caffeine.newBuilder().maximumSize(spec.maximumSize()).recordStats();
            if (spec.expireAfterWrite() != null) {
                builder.expireAfterWrite(spec.expireAfterWrite());
            }
            manager.registerCustomCache(name, builder.build());
        });
        // puts and evicts made inside a transaction take effect when it commits: a reader never re-remembers what a
        // committing writer is about to change, and a rolled-back change forgets nothing
        return new TransactionAwareCacheManagerProxy(manager);
    }
}
