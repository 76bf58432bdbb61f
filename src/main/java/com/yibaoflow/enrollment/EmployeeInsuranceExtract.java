package com.yibaoflow.enrollment;

import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** R-ELIG-02: the employee insurance system's extract, one record per person and start date. */
@Component
class EmployeeInsuranceExtract extends RegistryKind {

    EmployeeInsuranceExtract(JdbcTemplate jdbc, Clock clock) {
        super("EMPLOYEE_INSURANCE", RegistryImportService.EMPLOYEE_INSURANCE, jdbc, clock);
    }

    @Override
    String upsert() {
        return """
                insert into yibao.employee_insurance_record (id_number, name, valid_from, valid_to, employer, imported_at)
                values (?, ?, ?, ?, ?, ?) on conflict (id_number, valid_from)
                do update set valid_to = excluded.valid_to, name = excluded.name, employer = excluded.employer
                where employee_insurance_record.valid_to is distinct from excluded.valid_to""";
    }

    @Override
    Object[] parameters(ImportRow row, List<FieldError> errors) {
        String id = idNumber(row, errors);
        LocalDate from = date(row, "validFrom", errors, true);
        LocalDate to = date(row, "validTo", errors, false);
        if (id == null || from == null || (row.get("validTo") != null && to == null)) {
            return null;
        }
        if (to != null && to.isBefore(from)) {
            errors.add(new FieldError("validTo", "早于参保开始日期"));
            return null;
        }
        return new Object[] {id, row.get("name"), sqlDate(from), sqlDate(to), row.get("employer")};
    }
}
