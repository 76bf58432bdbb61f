package com.yibaoflow.monitoring;

import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.IntConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Turns the rows of a claims file into lines of PostgreSQL {@code COPY} text for the import's temporary table
 * {@code claim_load}, typed: each cell is parsed once here, while the file streams, instead of by SQL functions over
 * staged text (docs/benchmarks.md: the functions cost most of the import). A cell that cannot be read (missing, not a
 * date, not an amount, a wrong ID number; {@link ClaimCopyLines}) is staged as null and named in the row's {@code problems}; the rules between
 * cells and rows (duplicates, regions, future days, amounts that do not add up) are checked set-based in SQL
 * ({@link ClaimImportService}). The readings are those of V20/V23's {@code lenient_date}, {@code lenient_amount} and
 * {@code resident_id_valid} ({@code ClaimStagingTests}, {@code ClaimChecksTests}).
 */
final class ClaimStaging {

    static final TableSchema CLAIMS = TableSchema.of(
            "医保结算数据文件",
            ColumnSpec.required("claimId", "结算单号", "结算流水号", "结算编号", "单据号", "就诊流水号"),
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.required("regionCode", "参保地区划", "参保区划", "统筹区划", "行政区划代码", "区划代码"),
            ColumnSpec.required("settlementDate", "结算日期", "结算时间"),
            ColumnSpec.required("hospitalLevel", "医院等级", "医疗机构等级", "医院级别"),
            ColumnSpec.required("totalCost", "医疗总费用", "总费用", "费用总额"),
            ColumnSpec.required("policyScopeCost", "政策范围内费用", "政策范围内金额", "政策内费用"),
            ColumnSpec.optional("basicPaid", "基本医保支付", "统筹基金支付", "基本医疗保险统筹基金支出", "基本医保统筹支付"),
            ColumnSpec.optional("criticalIllnessPaid", "大病保险支付", "大病保险支出"),
            ColumnSpec.optional("assistancePaid", "医疗救助支付", "医疗救助支出", "医疗救助"),
            ColumnSpec.optional("rural", "是否农村居民", "农村居民"));

    private static final int COPY_BUFFER_CHARS = 256 * 1024;

    /** The temporary table of one import's transaction: nothing to delete afterwards, no WAL, no index. */
    static final String CREATE = """
            create temporary table claim_load (
                row_number        int not null,
                claim_id          text,
                id_number         text,
                region_code       text,
                settlement_date   date,
                hospital_level    text,
                total_cost        numeric(14,2),
                policy_scope_cost numeric(14,2),
                basic_paid        numeric(14,2),
                critical_paid     numeric(14,2),
                assistance_paid   numeric(14,2),
                rural             boolean,
                problems          text
            ) on commit drop""";

    static final String COPY = """
            copy claim_load (row_number, claim_id, id_number, region_code, settlement_date, hospital_level,
                total_cost, policy_scope_cost, basic_paid, critical_paid, assistance_paid, rural, problems)
            from stdin""";

    /**
     * Streams the rows of {@code file} into {@code claim_load} through COPY on {@code connection} (the import's
     * transaction), flushing every 256 K characters, in constant memory; {@code everyRows} is told the row number every
     * {@code interval} rows (where an orderly stop may end the run). Returns the row count.
     */
    static int copy(Connection connection, Path file, int interval, IntConsumer everyRows) {
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            int[] rows = {0};
            ClaimCopyLines lines = new ClaimCopyLines();
            StringBuilder buffer = new StringBuilder(COPY_BUFFER_CHARS + 4096);
            try {
                TabularReader.read(file, CLAIMS, row -> {
                    lines.append(buffer, row);
                    if (buffer.length() >= COPY_BUFFER_CHARS) {
                        write(copy, buffer);
                    }
                    if (++rows[0] % interval == 0) {
                        everyRows.accept(row.rowNumber());
                    }
                });
                write(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            return rows[0];
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into claim_load failed: " + e.getMessage(), e);
        }
    }

    private static void write(CopyIn copy, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into claim_load failed: " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }
}
