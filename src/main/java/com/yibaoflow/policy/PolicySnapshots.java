package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.LocalConfirmation;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.RegionDirectory;
import com.yibaoflow.shared.problem.DomainException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two caches every calculation reads through (Spring Cache, sized in {@code yibaoflow.caches}): which version is
 * active per region and year ({@code policy-active-version}, short-lived, so another node's activation is seen within
 * its expiry), and the immutable snapshot of each version ({@code policy-snapshots}; a DRAFT may still be revised and
 * is never remembered). The caches are transaction-aware (see the shared cache configuration): an activation's evict
 * takes effect when it commits, so no reader re-remembers the old version in between.
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

    @PersistenceContext
    private EntityManager entityManager;

    PolicySnapshots(
            PolicyVersions versions,
            PolicyConfirmations confirmations,
            RegionDirectory regions,
            PlatformTransactionManager transactionManager) {
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
    @Cacheable(cacheNames = ACTIVE_VERSION, sync = true) // the default key (region, year): no SpEL to evaluate
    public Long activeVersionId(String regionCode, int coverageYear) {
        return readOnly.execute(status -> versions.findIdByStatus(regionCode, coverageYear, PolicyStatus.ACTIVE)
                .orElseThrow(() -> {
                    region(regionCode);
                    return DomainException.notFound("No active policy parameters for region " + regionCode
                            + " and coverage year " + coverageYear);
                }));
    }

    /**
     * The id of version {@code version} of a region and year, which never changes once created; a missing version is
     * a 404 naming it (an unknown region one naming the region), and nothing is remembered.
     */
    @Cacheable(cacheNames = VERSION_IDS, sync = true)
    public Long versionId(String regionCode, int coverageYear, int version) {
        return readOnly.execute(status -> versions.findIdByVersion(regionCode, coverageYear, version)
                .orElseThrow(() -> {
                    region(regionCode);
                    return DomainException.notFound("No version " + version + " of the policy parameters of "
                            + regionCode + "/" + coverageYear);
                }));
    }

    /**
     * The snapshot of a version by id. The entity read for it is detached at once, so no caller's flush ever
     * dirty-checks its JSON.
     */
    @Cacheable(cacheNames = SNAPSHOTS, key = "#id", unless = "#result.mutable()")
    public Loaded load(long id) {
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
    @CacheEvict(cacheNames = SNAPSHOTS, key = "#id")
    public void confirmationsChanged(long id) {}

    /** Forgets which versions are active (after the activating transaction commits). */
    @CacheEvict(cacheNames = ACTIVE_VERSION, allEntries = true)
    public void activeVersionsChanged() {}
}
