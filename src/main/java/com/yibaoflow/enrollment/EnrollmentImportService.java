package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The roster door (issue #4 §1): a township's CSV or .xlsx roster of applicants becomes one case and one process
 * per good row, in the background. A bad row is reported with its row number, field and reason and never stops
 * the good ones; a file that is not a roster at all is refused whole before anything is written. Rows stream
 * through in batches, so 100 000 rows never sit in memory; {@link ResumableImports} runs it and resumes it after a
 * crash from its last committed batch (issue #16 §3).
 */
@Service
class EnrollmentImportService implements ImportKind {

    static final int BATCH = 200;

    /** The township roster: Chinese headers as townships write them, or the English keys. */
    public static final TableSchema ROSTER = TableSchema.of(
            "乡镇参保登记名单",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.required("name", "姓名"),
            ColumnSpec.optional("residence", "户籍类型", "参保身份", "人员类别", "户籍性质"),
            ColumnSpec.optional("residencePermitNumber", "居住证号码", "居住证号"),
            ColumnSpec.optional("township", "乡镇", "乡镇（街道）", "所属乡镇", "乡镇街道"),
            ColumnSpec.optional("phone", "联系电话", "手机号码", "电话"),
            ColumnSpec.optional("claimedCategories", "困难类别", "资助类别", "特殊人群类别"),
            ColumnSpec.optional("paidBackYears", "补缴年数"));

    private final EnrollmentService enrollments;
    private final ObjectProvider<ResumableImports> runner;

    EnrollmentImportService(EnrollmentService enrollments, ObjectProvider<ResumableImports> runner) {
        this.enrollments = enrollments;
        this.runner = runner;
    }

    @Override
    public String code() {
        return "ROSTER";
    }

    @Override
    public TableSchema schema() {
        return ROSTER;
    }

    /**
     * Checks that the upload is a roster (header with the required columns, at least one row; the township applies
     * to rows without a 乡镇 column) and runs it in the background; returns the import id.
     */
    public long start(
            InputStream upload, String fileName, String regionCode, int coverageYear, String township, String userId) {
        enrollments.requireOpenYear(regionCode, coverageYear);
        return runner.getObject()
                .start(
                        this,
                        upload,
                        new ResumableImports.Request(fileName, regionCode, coverageYear, township, userId));
    }

    @Override
    public Rows open(EnrollmentImports.Work work) {
        return new RosterRows(work);
    }

    /**
     * The rows of a roster: good ones in batches of {@link #BATCH} through {@link EnrollmentService#intakeAll}; the
     * ID numbers seen in this file (a duplicate within it is rejected naming the earlier row). A case this import
     * already created for the person (its batch committed just before a crash) counts as started, not as a
     * conflict.
     */
    private final class RosterRows implements Rows {
        final EnrollmentImports.Work work;
        final List<ImportRow> batchRows = new ArrayList<>();
        final List<Application> batch = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();

        RosterRows(EnrollmentImports.Work work) {
            this.work = work;
        }

        @Override
        public void remember(ImportRow row) {
            if (parse(row, work.regionCode(), work.coverageYear(), work.township()) instanceof Application a) {
                seen.putIfAbsent(a.idNumber(), row.rowNumber());
            }
        }

        @Override
        public boolean add(ImportRow row, Counters counters) {
            Object parsed = backPaymentChecked(parse(row, work.regionCode(), work.coverageYear(), work.township()));
            if (parsed instanceof FieldError error) {
                counters.reject(row.rowNumber(), error.field(), error.message());
            } else {
                Application a = (Application) parsed;
                Integer earlier = seen.putIfAbsent(a.idNumber(), row.rowNumber());
                if (earlier != null) {
                    counters.reject(row.rowNumber(), "idNumber", "与本文件第 " + earlier + " 行是同一人");
                } else {
                    batch.add(a);
                    batchRows.add(row);
                }
            }
            return batch.size() >= BATCH;
        }

        @Override
        public void commit(Counters counters) {
            if (batch.isEmpty()) {
                return;
            }
            List<EnrollmentService.Outcome> outcomes =
                    enrollments.intakeAll(batch, EnrollmentSource.IMPORT, work.id(), work.userId());
            for (int i = 0; i < outcomes.size(); i++) {
                EnrollmentService.Outcome o = outcomes.get(i);
                if (o.created() != null
                        || Long.valueOf(work.id()).equals(o.existing().importId())) {
                    counters.succeeded();
                } else {
                    counters.reject(
                            batchRows.get(i).rowNumber(),
                            "idNumber",
                            "该居民" + o.existing().coverageYear() + "年度已有参保登记（登记编号 "
                                    + o.existing().id() + "，参保地区 "
                                    + o.existing().regionCode()
                                    + "，" + o.existing().status().chineseName() + "），不能重复登记");
                }
            }
            discard();
        }

        @Override
        public void discard() {
            batch.clear();
            batchRows.clear();
        }
    }

    /** R-WAIT-04: a back-paid year without a policy version is the row's error, not an incident (issue #17). */
    private Object backPaymentChecked(Object parsed) {
        if (parsed instanceof Application a && a.paidBackYears() > 0) {
            try {
                enrollments.requireBackPaymentVersions(
                        a.regionCode(), a.coverageYear(), a.idNumber(), a.paidBackYears());
            } catch (DomainException e) {
                return new FieldError("paidBackYears", e.getMessage());
            }
        }
        return parsed;
    }

    /** A row as an application, or the first field error that keeps it out. */
    static Object parse(ImportRow row, String regionCode, int coverageYear, String defaultTownship) {
        if (row.cellProblem() != null) {
            return new FieldError(row.cellProblem().column(), row.cellProblem().reason());
        }
        String township = row.get("township") != null ? row.get("township") : defaultTownship;
        String idNumber =
                row.get("idNumber") == null ? null : row.get("idNumber").toUpperCase();
        String residenceText = row.get("residence");
        Residence residence = residenceText == null ? Residence.LOCAL_HUKOU : ApplicationRules.residence(residenceText);
        if (residence == null) {
            return new FieldError("residence", "不是参保身份：" + residenceText + "（应填写 本县户籍、外地户籍常住人口、在校学生 或 新生儿）");
        }
        List<String> categories = new ArrayList<>();
        String categoryText = row.get("claimedCategories");
        if (categoryText != null && !categoryText.equals("无") && !categoryText.equals("/")) {
            for (HardshipCategory c : HardshipCategory.values()) {
                // a name such as 一、二级重度残疾人 contains a separator itself
                categoryText = categoryText.replace(c.chineseName(), c.name());
            }
            for (String part : categoryText.split("[,，、;；/]")) {
                if (!part.isBlank()) {
                    categories.add(part.strip());
                }
            }
        }
        Integer paidBack = null;
        if (row.get("paidBackYears") != null) {
            try {
                paidBack = Integer.valueOf(row.get("paidBackYears"));
            } catch (NumberFormatException e) {
                return new FieldError("paidBackYears", "不是整数：" + row.get("paidBackYears"));
            }
        }
        List<FieldError> errors = ApplicationRules.check(
                idNumber, row.get("name"), residence, township, row.get("phone"), categories, null, paidBack);
        if (!errors.isEmpty()) {
            return errors.get(0);
        }
        return new Application(
                regionCode,
                coverageYear,
                idNumber,
                row.get("name"),
                residence,
                row.get("residencePermitNumber"),
                township,
                row.get("phone"),
                ApplicationRules.categoryCodes(categories),
                null,
                paidBack == null ? 0 : paidBack);
    }
}
