package com.yibaoflow.enrollment;

import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issue #17 item 4: the years a person was insured before this system (resident or employee scheme), read by the
 * waiting-period and continuity rules (R-WAIT-01/03/06) beside this system's coverage.
 */
@Component
class CoverageHistoryExtract extends RegistryKind {

    CoverageHistoryExtract(JdbcTemplate jdbc, Clock clock) {
        super("COVERAGE_HISTORY", RegistryImportService.COVERAGE_HISTORY, jdbc, clock);
    }

    @Override
    String upsert() {
        return """
                insert into yibao.prior_coverage (id_number, region_code, coverage_year, scheme, valid_from,
                                                  valid_to, imported_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (id_number, coverage_year, scheme, region_code)
                do update set valid_from = excluded.valid_from, valid_to = excluded.valid_to
                where prior_coverage.valid_from is distinct from excluded.valid_from
                   or prior_coverage.valid_to is distinct from excluded.valid_to""";
    }

    @Override
    Object[] parameters(ImportRow row, List<FieldError> errors) {
        String id = idNumber(row, errors);
        String region = regionCode(row, errors);
        Integer year = year(row, errors);
        String scheme = scheme(row.get("scheme"));
        if (scheme == null) {
            errors.add(new FieldError("scheme", "不是险种：" + row.get("scheme") + "（应填写 居民 或 职工）"));
        }
        LocalDate from = date(row, "validFrom", errors, false);
        LocalDate to = date(row, "validTo", errors, false);
        if (id == null
                || region == null
                || year == null
                || scheme == null
                || (row.get("validFrom") != null && from == null)
                || (row.get("validTo") != null && to == null)) {
            return null;
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("validTo", "早于参保开始日期"));
            return null;
        }
        return new Object[] {id, region, year, scheme, sqlDate(from), sqlDate(to)};
    }

    static String scheme(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "居民", "城乡居民", "城乡居民医保", "城乡居民基本医疗保险", "居民医保", "RESIDENT" -> "RESIDENT";
            case "职工", "职工医保", "城镇职工", "职工基本医疗保险", "EMPLOYEE" -> "EMPLOYEE";
            default -> null;
        };
    }
}
