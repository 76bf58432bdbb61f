package com.yibaoflow.enrollment;

import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.problem.DomainException;
import java.io.InputStream;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The external registries R-ELIG-02 reads (issue #4 §3): extracts from the employee insurance system and from
 * other pooling regions, imported as CSV or .xlsx, and coverage from before this system (issue #17 item 4).
 * Re-importing the same rows changes nothing (idempotent); bad rows are reported and skipped; a file that is not such
 * an extract is refused whole, and nothing is written. An import runs in the caller's thread, recorded and resumable
 * like the other imports ({@link ResumableImports}, issue #16 §3): should this node die meanwhile, another node or
 * the next start resumes it after its last committed batch ({@code GET /api/registries/imports/{id}}).
 */
@Service
public class RegistryImportService {

    public static final TableSchema EMPLOYEE_INSURANCE = TableSchema.of(
            "职工医保参保数据",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.optional("name", "姓名"),
            ColumnSpec.required("validFrom", "参保开始日期", "起始日期", "开始日期", "参保日期"),
            ColumnSpec.optional("validTo", "参保终止日期", "终止日期", "结束日期", "停保日期"),
            ColumnSpec.optional("employer", "单位名称", "参保单位", "参保地区"));

    public static final TableSchema OTHER_REGION = TableSchema.of(
            "异地参保数据",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.optional("name", "姓名"),
            ColumnSpec.required("regionCode", "参保地区代码", "统筹区编码", "统筹地区代码", "行政区划代码"),
            ColumnSpec.required("coverageYear", "参保年度", "年度"));

    /** Issue #17 item 4: coverage before this system, as the provincial platform exports it. */
    public static final TableSchema COVERAGE_HISTORY = TableSchema.of(
            "历年参保数据",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.optional("name", "姓名"),
            ColumnSpec.required("regionCode", "参保地区代码", "统筹区编码", "统筹地区代码", "行政区划代码"),
            ColumnSpec.required("coverageYear", "参保年度", "年度"),
            ColumnSpec.required("scheme", "险种", "险种类型", "参保类型"),
            ColumnSpec.optional("validFrom", "参保开始日期", "起始日期", "开始日期"),
            ColumnSpec.optional("validTo", "参保终止日期", "终止日期", "结束日期"));

    public record RowError(int rowNumber, String field, String reason) {}

    /** An import: RUNNING (this node stopped meanwhile; it resumes), COMPLETED or FAILED, and its counts. */
    public record Report(
            long importId,
            String status,
            String failure,
            int total,
            int imported,
            int unchanged,
            int rejected,
            List<RowError> errors) {}

    static final int MAX_REPORTED_ERRORS = 1000;

    private final ObjectProvider<ResumableImports> runner;
    private final EnrollmentImports imports;
    private final EmployeeInsuranceExtract employeeInsurance;
    private final OtherRegionExtract otherRegions;
    private final CoverageHistoryExtract coverageHistory;

    RegistryImportService(
            ObjectProvider<ResumableImports> runner,
            EnrollmentImports imports,
            EmployeeInsuranceExtract employeeInsurance,
            OtherRegionExtract otherRegions,
            CoverageHistoryExtract coverageHistory) {
        this.runner = runner;
        this.imports = imports;
        this.employeeInsurance = employeeInsurance;
        this.otherRegions = otherRegions;
        this.coverageHistory = coverageHistory;
    }

    /** Who imports and where, recorded with the import. */
    public record Uploader(String fileName, String regionCode, String userId) {
        static final Uploader SYSTEM = new Uploader("upload", null, "system");
    }

    public Report importEmployeeInsurance(InputStream upload) {
        return importEmployeeInsurance(upload, Uploader.SYSTEM);
    }

    public Report importEmployeeInsurance(InputStream upload, Uploader uploader) {
        return run(employeeInsurance, upload, uploader);
    }

    public Report importOtherRegionEnrollments(InputStream upload) {
        return importOtherRegionEnrollments(upload, Uploader.SYSTEM);
    }

    public Report importOtherRegionEnrollments(InputStream upload, Uploader uploader) {
        return run(otherRegions, upload, uploader);
    }

    public Report importCoverageHistory(InputStream upload) {
        return importCoverageHistory(upload, Uploader.SYSTEM);
    }

    /** Issue #17 item 4: the years a person was insured before this system; idempotent. */
    public Report importCoverageHistory(InputStream upload, Uploader uploader) {
        return run(coverageHistory, upload, uploader);
    }

    private Report run(RegistryKind kind, InputStream upload, Uploader uploader) {
        long id = runner.getObject()
                .runHere(
                        kind,
                        upload,
                        new ResumableImports.Request(
                                uploader.fileName(), uploader.regionCode(), null, null, uploader.userId()));
        return find(id);
    }

    /** A registry import and its first {@link #MAX_REPORTED_ERRORS} row errors; 404 for any other import. */
    public Report find(long id) {
        EnrollmentImports.ImportStatus s = imports.find(id)
                .filter(i -> List.of(employeeInsurance.code(), otherRegions.code(), coverageHistory.code())
                        .contains(i.kind()))
                .orElseThrow(() -> DomainException.notFound("Registry import " + id + " not found"));
        List<RowError> errors = imports.errors(id, 0, MAX_REPORTED_ERRORS).stream()
                .map(e -> new RowError(e.rowNumber(), e.field(), e.reason()))
                .toList();
        return new Report(s.id(), s.status(), s.failure(), s.total(), s.started(), s.unchanged(), s.rejected(), errors);
    }
}
