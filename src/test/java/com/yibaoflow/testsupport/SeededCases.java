package com.yibaoflow.testsupport;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Enrollment case rows written straight into the table, without a process, for tests of figures over many cases
 * (the dashboard's statistics): each gets an ID number of its own, outside the ranges {@link TestIds} hands out.
 */
public final class SeededCases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SeededCases() {}

    public static void insert(
            JdbcTemplate jdbc,
            String regionCode,
            int coverageYear,
            String township,
            String status,
            String appliedCategory,
            BigDecimal subsidy,
            Instant createdAt) {
        String idNumber = String.format("SEED%014d", SEQUENCE.incrementAndGet() + 1_000_000L * (coverageYear % 100));
        jdbc.update(
                """
                insert into yibao.enrollment_case (business_key, id_number, name, region_code, coverage_year,
                    residence, township, source, status, applied_category, subsidy, created_at, created_by, updated_at)
                values (?, ?, '测试', ?, ?, 'LOCAL_HUKOU', ?, 'API', ?, ?, ?, ?, 'test', ?)""",
                "ENR-" + regionCode + "-" + coverageYear + "-" + idNumber,
                idNumber,
                regionCode,
                coverageYear,
                township,
                status,
                appliedCategory,
                subsidy,
                Timestamp.from(createdAt),
                Timestamp.from(createdAt));
    }
}
