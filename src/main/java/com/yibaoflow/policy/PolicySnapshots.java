package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.LocalConfirmation;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.RegionDirectory;
import com.yibaoflow.shared.problem.DomainException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two caches every calculation reads through (Spring Cache, sized in {@code yibaoflow.caches}): which version is
 * active per region and year ({@code policy-active-version}, short-lived, so another node's activation is seen within
 * its expiry), and the immutable snapshot of each version ({@code policy-snapshots}; a DRAFT may still be revised and
 * is never remembered). The caches are transaction-aware (see the shared cache configuration): an activation's evict
 * takes effect when it commits, so no reader re-remembers the old version in between.
 *
 * <p>Read through the {@link Cache} API rather than {@code @Cacheable}: an intake reads the active snapshot four or
 * five times, and the annotations' proxy with its key expressions cost 7 % of an intake's CPU (profile in
 * docs/benchmarks.md). The caches, their limits and their statistics are the same.
 */
@Component
class PolicySnapshots {

    static final String ACTIVE_VERSION = "policy-active-version";
    static final String SNAPSHOTS = "policy-snapshots";
    static final String VERSION_IDS = "policy-version-ids";

    /** A loaded snapshot and whether its version may still change (a DRAFT). */
    record Loaded(PolicySnapshot snapshot, boolean mutable) {}

    private final PolicyVersions versions;
    private final PolicyConfirmations confirmations;
    private final RegionDirectory regions;
    private final TransactionTemplate readOnly;
    private final Cache activeVersions;
    private final Cache snapshots;
    private final Cache versionIds;

    @PersistenceContext
    private EntityManager entityManager;

    PolicySnapshots(
            PolicyVersions versions,
            PolicyConfirmations confirmations,
            RegionDirectory regions,
            PlatformTransactionManager transactionManager,
            CacheManager caches) {
        this.activeVersions = Objects.requireNonNull(caches.getCache(ACTIVE_VERSION), ACTIVE_VERSION);
        this.snapshots = Objects.requireNonNull(caches.getCache(SNAPSHOTS), SNAPSHOTS);
        this.versionIds = Objects.requireNonNull(caches.getCache(VERSION_IDS), VERSION_IDS);
        this.versions = versions;
        this.confirmations = confirmations;
        this.regions = regions;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * The id of the active version of a region and year; an unknown region or a year without an active version is a
     * 404 (and nothing is remembered).
     */
    public Long activeVersionId(String regionCode, int coverageYear) {
        return remembered(
                activeVersions,
                List.of(regionCode, coverageYear),
                () -> readOnly.execute(status -> versions.findIdByStatus(regionCode, coverageYear, PolicyStatus.ACTIVE)
                        .orElseThrow(() -> {
                            region(regionCode);
                            return DomainException.notFound("No active policy parameters for region " + regionCode
                                    + " and coverage year " + coverageYear);
                        })));
    }

    /**
     * The id of version {@code version} of a region and year, which never changes once created; a missing version is
     * a 404 naming it (an unknown region one naming the region), and nothing is remembered.
     */
    public Long versionId(String regionCode, int coverageYear, int version) {
        return remembered(
                versionIds,
                List.of(regionCode, coverageYear, version),
                () -> readOnly.execute(status -> versions.findIdByVersion(regionCode, coverageYear, version)
                        .orElseThrow(() -> {
                            region(regionCode);
                            return DomainException.notFound("No version " + version + " of the policy parameters of "
                                    + regionCode + "/" + coverageYear);
                        })));
    }

    /**
     * The remembered value, or the loader's, computed once however many readers miss at the same time; a loader's
     * exception (a 404) reaches the caller as it is, and nothing is remembered.
     */
    private static Long remembered(Cache cache, Object key, Supplier<Long> loader) {
        try {
            return cache.get(key, loader::get);
        } catch (Cache.ValueRetrievalException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The snapshot of a version by id. The entity read for it is detached at once, so no caller's flush ever
     * dirty-checks its JSON.
     */
    public Loaded load(long id) {
        Loaded remembered = snapshots.get(id, Loaded.class);
        if (remembered != null) {
            return remembered;
        }
        Loaded loaded = read(id);
        if (!loaded.mutable()) {
            snapshots.put(id, loaded); // in a transaction: once it commits
        }
        return loaded;
    }

    private Loaded read(long id) {
        return readOnly.execute(status -> {
            PolicyVersion version = versions.findById(id).orElseThrow();
            Map<String, LocalConfirmation> confirmed = new HashMap<>();
            confirmations
                    .findByPolicyVersionIdOrderByParameterPath(id)
                    .forEach(c -> confirmed.put(
                            c.parameterPath(),
                            new LocalConfirmation(c.documentNumber(), c.documentDate(), c.confirmedBy())));
            PolicySnapshot snapshot =
                    version.toSnapshot(region(version.regionCode()).fiscalTier(), confirmed);
            entityManager.detach(version);
            return new Loaded(snapshot, version.status() == PolicyStatus.DRAFT);
        });
    }

    private Region region(String regionCode) {
        return regions.all().stream()
                .filter(r -> r.code().equals(regionCode))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("No region with code " + regionCode));
    }

    /** Forgets the snapshot of a version whose figures an office confirmed (when the transaction commits). */
    public void confirmationsChanged(long id) {
        snapshots.evict(id);
    }

    /** Forgets which versions are active (after the activating transaction commits). */
    public void activeVersionsChanged() {
        activeVersions.clear();
    }
}
