package com.yibaoflow.enrollment;

import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** R-ELIG-02: enrollments of other pooling regions, one per person, region and year. */
@Component
class OtherRegionExtract extends RegistryKind {

    OtherRegionExtract(JdbcTemplate jdbc, Clock clock) {
        super("OTHER_REGION", RegistryImportService.OTHER_REGION, jdbc, clock);
    }

    @Override
    String upsert() {
        return """
                insert into yibao.other_region_enrollment (id_number, name, region_code, coverage_year, imported_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""";
    }

    @Override
    Object[] parameters(ImportRow row, List<FieldError> errors) {
        String id = idNumber(row, errors);
        String region = regionCode(row, errors);
        Integer year = year(row, errors);
        if (id == null || region == null || year == null) {
            return null;
        }
        return new Object[] {id, row.get("name"), region, year};
    }
}
