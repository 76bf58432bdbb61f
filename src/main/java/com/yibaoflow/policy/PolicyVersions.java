package com.yibaoflow.policy;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface PolicyVersions extends JpaRepository<PolicyVersion, Long> {

    Optional<PolicyVersion> findByRegionCodeAndCoverageYearAndStatus(
            String regionCode, int coverageYear, PolicyStatus status);

    /** The id of the active version only: no JSON parameters loaded (the snapshot cache has them). */
    @QueryHints(@QueryHint(name = org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query("select v.id from PolicyVersion v where v.regionCode = ?1 and v.coverageYear = ?2 and v.status = ?3")
    Optional<Long> findIdByStatus(String regionCode, int coverageYear, PolicyStatus status);

    @Query("select v.id from PolicyVersion v where v.regionCode = ?1 and v.coverageYear = ?2 and v.version = ?3")
    Optional<Long> findIdByVersion(String regionCode, int coverageYear, int version);

    Optional<PolicyVersion> findByRegionCodeAndCoverageYearAndVersion(String regionCode, int coverageYear, int version);

    List<PolicyVersion> findByRegionCodeAndCoverageYearOrderByVersion(String regionCode, int coverageYear);

    List<PolicyVersion> findByStatusOrderByRegionCodeAscCoverageYearAsc(PolicyStatus status);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from PolicyVersion v where v.regionCode = ?1 and v.coverageYear = ?2 and v.version = ?3")
    Optional<PolicyVersion> lockVersion(String regionCode, int coverageYear, int version);

    @Query("select coalesce(max(v.version), 0) from PolicyVersion v where v.regionCode = ?1 and v.coverageYear = ?2")
    int maxVersion(String regionCode, int coverageYear);
}
