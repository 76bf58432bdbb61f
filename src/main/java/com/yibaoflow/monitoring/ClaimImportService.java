package com.yibaoflow.monitoring;

import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.imports.Uploads;
import com.yibaoflow.shared.problem.DomainException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims from the settlement system (issue #19 §1). The file is streamed row by row (constant memory) into
 * {@code claim_stage} through PostgreSQL {@code COPY}, validated there with set-based SQL (every bad cell a row
 * error), and the good rows are upserted into {@code claim} on the claim id: a claim already held with other figures
 * is replaced and counted as corrected, one held with the same figures is unchanged (a repeated file doubles
 * nothing). All of it is one transaction: a file that is not a table leaves nothing behind.
 */
@Service
class ClaimImportService {

    static final int MAX_REPORTED_ERRORS = 1000;
    private static final int COPY_BUFFER_CHARS = 64 * 1024;

    static final TableSchema CLAIMS = TableSchema.of(
            "claims file",
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

    private static final List<String> STAGED = List.of(
            "claimId",
            "idNumber",
            "regionCode",
            "settlementDate",
            "hospitalLevel",
            "totalCost",
            "policyScopeCost",
            "basicPaid",
            "criticalIllnessPaid",
            "assistancePaid",
            "rural");

    record RowError(int rowNumber, String field, String reason) {}

    record Report(
            long importId,
            String fileName,
            int rows,
            int accepted,
            int rejected,
            int inserted,
            int corrected,
            int unchanged,
            long durationMs,
            int errorCount,
            List<RowError> errors) {}

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    ClaimImportService(JdbcTemplate jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Imports the upload; {@code regions} are the region codes the uploader may load claims for. */
    @Transactional
    public Report importClaims(InputStream upload, String fileName, Set<String> regions, String userId) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Long importId = jdbc.queryForObject(
                "insert into yibao.claim_import (file_name, uploaded_by, uploaded_at) values (?, ?, ?) returning id",
                Long.class,
                fileName,
                userId,
                java.sql.Timestamp.from(now));
        Path file = Uploads.spool(upload);
        int rows;
        try {
            rows = stage(importId, file);
        } catch (NotATableException e) {
            throw DomainException.invalidField("file", e.getMessage()); // rolls the import back
        } finally {
            Uploads.delete(file);
        }
        validate(importId, regions, LocalDate.now(clock));
        int rejected = jdbc.queryForObject(
                "select count(distinct row_number) from yibao.claim_import_error where import_id = ?",
                Integer.class,
                importId);
        int[] upserted = upsert(importId, now);
        int accepted = rows - rejected;
        int unchanged = accepted - upserted[0] - upserted[1];
        jdbc.update("delete from yibao.claim_stage where import_id = ?", importId);
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        jdbc.update("""
                update yibao.claim_import set rows = ?, accepted = ?, rejected = ?, inserted = ?, corrected = ?,
                       unchanged = ?, duration_ms = ? where id = ?""", rows, accepted, rejected, upserted[0], upserted[1], unchanged, durationMs, importId);
        int errorCount = jdbc.queryForObject(
                "select count(*) from yibao.claim_import_error where import_id = ?", Integer.class, importId);
        List<RowError> errors = jdbc.query(
                """
                select row_number, field, reason from yibao.claim_import_error where import_id = ?
                order by row_number, field limit ?""",
                (rs, i) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)),
                importId,
                MAX_REPORTED_ERRORS);
        return new Report(
                importId,
                fileName,
                rows,
                accepted,
                rejected,
                upserted[0],
                upserted[1],
                unchanged,
                durationMs,
                errorCount,
                errors);
    }

    /** Streams the rows into claim_stage through COPY (CSV), flushing every 64 K characters; returns the row count. */
    private int stage(long importId, Path file) {
        Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's connection
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                            copy yibao.claim_stage (import_id, row_number, claim_id, id_number, region_code,
                                settlement_date, hospital_level, total_cost, policy_scope_cost, basic_paid,
                                critical_paid, assistance_paid, rural, problem_field, problem_reason)
                            from stdin (format csv)""");
            int[] rows = {0};
            StringBuilder buffer = new StringBuilder(COPY_BUFFER_CHARS + 1024);
            try {
                TabularReader.read(file, CLAIMS, row -> {
                    rows[0]++;
                    line(buffer, importId, row);
                    if (buffer.length() >= COPY_BUFFER_CHARS) {
                        write(copy, buffer);
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
            throw new IllegalStateException("COPY into claim_stage failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void line(StringBuilder out, long importId, ImportRow row) {
        out.append(importId).append(',').append(row.rowNumber());
        for (String key : STAGED) {
            out.append(',');
            quote(out, row.get(key));
        }
        ImportRow.CellProblem problem = row.cellProblem();
        out.append(',');
        quote(out, problem == null ? null : problem.column());
        out.append(',');
        quote(out, problem == null ? null : problem.reason());
        out.append('\n');
    }

    /** CSV for COPY: null as nothing, every value quoted (so an empty string stays a string). */
    private static void quote(StringBuilder out, String value) {
        if (value == null) {
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static void write(CopyIn copy, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into claim_stage failed: " + e.getMessage(), e);
        }
        buffer.setLength(0);
    }

    /** Every check at once over the staged rows; each failed check of a row is one error. */
    private void validate(long importId, Set<String> regions, LocalDate today) {
        jdbc.update("""
                insert into yibao.claim_import_error (import_id, row_number, field, reason)
                with s as (
                    select s.*, min(row_number) over (partition by claim_id) as first_row,
                           yibao.lenient_date(settlement_date) as day,
                           yibao.lenient_amount(total_cost) as total,
                           yibao.lenient_amount(policy_scope_cost) as scope,
                           yibao.lenient_amount(basic_paid) as basic,
                           yibao.lenient_amount(critical_paid) as critical,
                           yibao.lenient_amount(assistance_paid) as assistance
                    from yibao.claim_stage s where import_id = ?)
                select ?, s.row_number, e.field, left(e.reason, 500)
                from s cross join lateral (values
                    (case when problem_field is not null then problem_field end, problem_reason),
                    (case when claim_id is null then 'claimId' end, 'is required'),
                    (case when length(claim_id) > 64 then 'claimId' end, 'is longer than 64 characters'),
                    (case when claim_id is not null and first_row < row_number then 'claimId' end,
                        'same claim as row ' || first_row),
                    (case when id_number is null then 'idNumber' end, 'is required'),
                    (case when id_number is not null and not yibao.resident_id_valid(upper(id_number))
                        then 'idNumber' end, 'is not a valid resident ID number (GB 11643)'),
                    (case when region_code is null then 'regionCode' end, 'is required'),
                    (case when region_code is not null and not region_code = any (string_to_array(?, ','))
                        then 'regionCode' end, 'is not a region you may load claims for: ' || region_code),
                    (case when settlement_date is null then 'settlementDate' end, 'is required'),
                    (case when settlement_date is not null and day is null then 'settlementDate' end,
                        'is not a date: ' || settlement_date || ' (expected e.g. 2025-01-05)'),
                    (case when day > ? then 'settlementDate' end, 'is in the future: ' || day),
                    (case when hospital_level is null then 'hospitalLevel' end, 'is required'),
                    (case when length(hospital_level) > 20 then 'hospitalLevel' end, 'is longer than 20 characters'),
                    (case when total_cost is null then 'totalCost' end, 'is required'),
                    (case when total_cost is not null and total is null then 'totalCost' end,
                        'is not an amount: ' || total_cost),
                    (case when total < 0 then 'totalCost' end, 'is negative'),
                    (case when policy_scope_cost is null then 'policyScopeCost' end, 'is required'),
                    (case when policy_scope_cost is not null and scope is null then 'policyScopeCost' end,
                        'is not an amount: ' || policy_scope_cost),
                    (case when scope < 0 then 'policyScopeCost' end, 'is negative'),
                    (case when scope > total then 'policyScopeCost' end, 'exceeds totalCost ' || total),
                    (case when basic_paid is not null and basic is null then 'basicPaid' end,
                        'is not an amount: ' || basic_paid),
                    (case when basic < 0 then 'basicPaid' end, 'is negative'),
                    (case when critical_paid is not null and critical is null then 'criticalIllnessPaid' end,
                        'is not an amount: ' || critical_paid),
                    (case when critical < 0 then 'criticalIllnessPaid' end, 'is negative'),
                    (case when assistance_paid is not null and assistance is null then 'assistancePaid' end,
                        'is not an amount: ' || assistance_paid),
                    (case when assistance < 0 then 'assistancePaid' end, 'is negative'),
                    (case when coalesce(basic, 0) + coalesce(critical, 0) + coalesce(assistance, 0) > total
                        then 'basicPaid' end, 'basic, critical-illness and assistance payments exceed totalCost ' || total),
                    (case when rural is not null and upper(rural) not in
                            ('是', '否', 'Y', 'N', 'YES', 'NO', 'TRUE', 'FALSE', '1', '0')
                        then 'rural' end, 'is neither 是 nor 否: ' || rural)
                ) e(field, reason)
                where e.field is not null""", importId, importId, String.join(",", regions), java.sql.Date.valueOf(today));
    }

    /** Upserts the staged rows without an error; returns {inserted, corrected}. */
    private int[] upsert(long importId, Instant now) {
        return jdbc.queryForObject(
                """
                with up as (
                    insert into yibao.claim (claim_id, id_number, region_code, settlement_date, hospital_level,
                        total_cost, policy_scope_cost, basic_paid, critical_paid, assistance_paid, rural, import_id)
                    select claim_id, upper(id_number), region_code, yibao.lenient_date(settlement_date),
                           hospital_level, yibao.lenient_amount(total_cost), yibao.lenient_amount(policy_scope_cost),
                           yibao.lenient_amount(basic_paid), yibao.lenient_amount(critical_paid),
                           yibao.lenient_amount(assistance_paid),
                           case when upper(rural) in ('是', 'Y', 'YES', 'TRUE', '1') then true
                                when rural is not null then false end,
                           import_id
                    from yibao.claim_stage s
                    where import_id = ? and not exists (select 1 from yibao.claim_import_error e
                        where e.import_id = s.import_id and e.row_number = s.row_number)
                    on conflict (claim_id) do update set
                        id_number = excluded.id_number, region_code = excluded.region_code,
                        settlement_date = excluded.settlement_date, hospital_level = excluded.hospital_level,
                        total_cost = excluded.total_cost, policy_scope_cost = excluded.policy_scope_cost,
                        basic_paid = excluded.basic_paid, critical_paid = excluded.critical_paid,
                        assistance_paid = excluded.assistance_paid, rural = excluded.rural,
                        import_id = excluded.import_id, corrected_at = ?
                    where (claim.id_number, claim.region_code, claim.settlement_date, claim.hospital_level,
                           claim.total_cost, claim.policy_scope_cost, claim.basic_paid, claim.critical_paid,
                           claim.assistance_paid, claim.rural)
                        is distinct from
                          (excluded.id_number, excluded.region_code, excluded.settlement_date,
                           excluded.hospital_level, excluded.total_cost, excluded.policy_scope_cost,
                           excluded.basic_paid, excluded.critical_paid, excluded.assistance_paid, excluded.rural)
                    returning (xmax = 0) as inserted)
                select count(*) filter (where inserted), count(*) filter (where not inserted) from up""", (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, importId, java.sql.Timestamp.from(now));
    }
}
