package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.hardship.RosterImportService;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files in docs/samples/ read cleanly with the schema of the importer they are for. */
class SamplesTests {

    static List<ImportRow> read(String file, TableSchema schema) {
        List<ImportRow> rows = new ArrayList<>();
        TabularReader.read(Path.of("docs/samples", file), schema, rows::add);
        return rows;
    }

    @Test
    void theTownshipRosterGivesOneApplicationPerRow() {
        List<ImportRow> rows = read("township-roster.csv", EnrollmentImportService.ROSTER);
        assertThat(rows).hasSize(8);
        List<Application> applications = new ArrayList<>();
        for (ImportRow row : rows) {
            Object parsed = EnrollmentImportService.parse(row, "341721", 2025, null);
            assertThat(parsed).as("row %d", row.rowNumber()).isNotInstanceOf(FieldError.class);
            applications.add((Application) parsed);
        }
        assertThat(applications.get(5).claimedCategories()).containsExactly("RELAPSED_POVERTY", "SEVERE_DISABILITY");
        assertThat(applications.get(2).residencePermitNumber()).isEqualTo("皖R20240315");
    }

    @Test
    void theRegistryAndDepartmentSamplesHaveTheirColumns() {
        assertThat(read("civil-affairs-roster.csv", RosterImportService.ROSTER))
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.get("validFrom")).isNotNull());
        assertThat(read("employee-insurance.csv", RegistryImportService.EMPLOYEE_INSURANCE))
                .hasSize(2);
        assertThat(read("tax-payment-file.csv", PaymentImportService.PAYMENTS))
                .hasSize(3)
                .allSatisfy(
                        r -> assertThat(PaymentImportService.parse(r)).isInstanceOf(PaymentService.Confirmation.class));
        assertThat(read("other-region-enrollments.csv", RegistryImportService.OTHER_REGION))
                .singleElement()
                .satisfies(r -> assertThat(r.get("regionCode")).isEqualTo("340102"));
    }
}
