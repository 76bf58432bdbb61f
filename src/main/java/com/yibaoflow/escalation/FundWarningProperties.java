package com.yibaoflow.escalation;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * R-MM-06: how many months of expenditure a region's fund balance must cover before a fund-risk warning is recorded,
 * per pooling region ({@code yibaoflow.fund-warnings.min-months-covered.regions.<code>}), otherwise
 * {@code default-months} (6).
 */
@ConfigurationProperties("yibaoflow.fund-warnings.min-months-covered")
record FundWarningProperties(BigDecimal defaultMonths, Map<String, BigDecimal> regions) {

    FundWarningProperties {
        defaultMonths = defaultMonths == null ? new BigDecimal("6") : defaultMonths;
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        if (defaultMonths.signum() <= 0) {
            throw new IllegalArgumentException("yibaoflow.fund-warnings.min-months-covered.default-months must be > 0");
        }
    }

    BigDecimal monthsFor(String regionCode) {
        return regions.getOrDefault(regionCode, defaultMonths);
    }
}
