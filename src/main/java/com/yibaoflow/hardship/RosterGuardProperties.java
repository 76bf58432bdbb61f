package com.yibaoflow.hardship;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Issue #16 §5: the share of a department's current roster entries an upload may remove at once, per pooling region
 * ({@code yibaoflow.rosters.max-removed-share.regions.<code>}) and otherwise {@code default} (10 %). An upload that
 * removes more waits for a supervisor of the department.
 */
@ConfigurationProperties("yibaoflow.rosters.max-removed-share")
record RosterGuardProperties(BigDecimal defaultShare, Map<String, BigDecimal> regions) {

    RosterGuardProperties {
        defaultShare = defaultShare == null ? new BigDecimal("0.10") : defaultShare;
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        if (defaultShare.signum() < 0 || defaultShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("yibaoflow.rosters.max-removed-share.default-share must be 0…1");
        }
    }

    BigDecimal shareFor(String regionCode) {
        return regions.getOrDefault(regionCode, defaultShare);
    }
}
