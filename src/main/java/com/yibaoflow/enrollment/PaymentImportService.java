package com.yibaoflow.enrollment;

import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.Values;
import com.yibaoflow.shared.problem.DomainException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The tax bureau's daily payment file (issue #16 §4): CSV or .xlsx as the bureau exports it, Chinese or English
 * headers. Every row goes through the same path as {@code POST /api/payments} ({@link PaymentService#confirm}):
 * idempotent on the payment reference (a file sent twice, or rows read again after a resume, change nothing), a wrong
 * amount kept on record and reported, a second payment of a paid case kept as an overpayment to refund. Rows that
 * are not accepted are listed with their row number, field and reason. Run and resumed by {@link ResumableImports}.
 */
@Service
class PaymentImportService implements ImportKind {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    public static final TableSchema PAYMENTS = TableSchema.of(
            "税务缴费数据文件",
            ColumnSpec.required("paymentReference", "缴费凭证号", "票证号码", "电子税票号码", "缴款流水号", "缴费流水号"),
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码", "缴费人证件号码"),
            ColumnSpec.required("regionCode", "参保地区代码", "行政区划代码", "参保地代码", "统筹区代码"),
            ColumnSpec.required("coverageYear", "参保年度", "缴费年度", "所属年度"),
            ColumnSpec.required("amount", "缴费金额", "实缴金额", "金额"),
            ColumnSpec.required("channel", "缴费渠道", "缴费方式", "渠道"),
            ColumnSpec.required("paidAt", "缴费时间", "缴费日期", "入库时间"));

    /** The channels as the bureau writes them; the English constants are accepted too. */
    private static final Map<String, Payment.Channel> CHANNELS = Map.of(
            "微信", Payment.Channel.WECHAT,
            "支付宝", Payment.Channel.ALIPAY,
            "皖事通", Payment.Channel.WANSHITONG,
            "代收", Payment.Channel.AGENT,
            "委托代征", Payment.Channel.AGENT,
            "办税服务厅", Payment.Channel.TAX_HALL,
            "办税大厅", Payment.Channel.TAX_HALL);

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu/M/d H:mm[:ss]"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private final PaymentService payments;
    private final ObjectProvider<ResumableImports> runner;

    PaymentImportService(PaymentService payments, ObjectProvider<ResumableImports> runner) {
        this.payments = payments;
        this.runner = runner;
    }

    @Override
    public String code() {
        return "PAYMENTS";
    }

    @Override
    public TableSchema schema() {
        return PAYMENTS;
    }

    /** Checks the file's header and runs it in the background; returns the import id. */
    long start(InputStream upload, String fileName, String regionCode, String userId) {
        return runner.getObject()
                .start(this, upload, new ResumableImports.Request(fileName, regionCode, null, null, userId));
    }

    @Override
    public Rows open(EnrollmentImports.Work work) {
        return new PaymentRows();
    }

    /**
     * Payments are confirmed one row at a time, each in its own transaction as through the API (a payment moves its
     * case's process on). Read again after a crash, a row's reference is already on record and answers as before.
     */
    private final class PaymentRows implements Rows {
        final List<ImportRow> batchRows = new ArrayList<>();
        final List<PaymentService.Confirmation> batch = new ArrayList<>();

        @Override
        public void remember(ImportRow row) {
            // nothing later rows depend on: the references themselves make repeats harmless
        }

        @Override
        public boolean add(ImportRow row, Counters counters) {
            Object parsed = parse(row);
            if (parsed instanceof DomainException.FieldError error) {
                counters.reject(row.rowNumber(), error.field(), error.message());
            } else {
                batch.add((PaymentService.Confirmation) parsed);
                batchRows.add(row);
            }
            return batch.size() >= EnrollmentImportService.BATCH;
        }

        @Override
        public void commit(Counters counters) {
            for (int i = 0; i < batch.size(); i++) {
                int rowNumber = batchRows.get(i).rowNumber();
                try {
                    Payment p = payments.confirm(batch.get(i));
                    switch (p.outcome()) {
                        case ACCEPTED -> counters.succeeded();
                        case WRONG_AMOUNT -> counters.reject(rowNumber, "amount", p.detail());
                        case OVERPAID -> counters.reject(rowNumber, "paymentReference", p.detail());
                    }
                } catch (DomainException e) {
                    counters.reject(
                            rowNumber,
                            fieldOf(e),
                            e.fieldErrors().isEmpty()
                                    ? e.getMessage()
                                    : e.fieldErrors().get(0).message());
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

    private static String fieldOf(DomainException e) {
        if (!e.fieldErrors().isEmpty()) {
            return e.fieldErrors().get(0).field();
        }
        return e.kind() == DomainException.Kind.NOT_FOUND ? "idNumber" : "paymentReference";
    }

    /** A row as a confirmation, or the first field error that keeps it out. */
    static Object parse(ImportRow row) {
        if (row.cellProblem() != null) {
            return new DomainException.FieldError(
                    row.cellProblem().column(), row.cellProblem().reason());
        }
        String reference = row.get("paymentReference");
        if (reference == null || reference.length() > 64) {
            return new DomainException.FieldError("paymentReference", "未填写或超过 64 个字符");
        }
        String idNumber =
                row.get("idNumber") == null ? null : row.get("idNumber").toUpperCase(Locale.ROOT);
        if (idNumber == null || !ResidentIdNumber.isValid(idNumber)) {
            return new DomainException.FieldError("idNumber", "不是有效的公民身份号码（校验位不符，GB 11643）");
        }
        String regionCode = row.get("regionCode");
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            return new DomainException.FieldError("regionCode", "不是 6 位行政区划代码：" + regionCode);
        }
        int coverageYear;
        try {
            coverageYear =
                    Integer.parseInt(row.get("coverageYear").replace("年", "").strip());
        } catch (RuntimeException e) {
            return new DomainException.FieldError("coverageYear", "不是年份：" + row.get("coverageYear"));
        }
        BigDecimal amount;
        try {
            amount = Values.parseAmount(row.get("amount"));
        } catch (IllegalArgumentException e) {
            return new DomainException.FieldError("amount", e.getMessage());
        }
        Payment.Channel channel = channelOf(row.get("channel"));
        if (channel == null) {
            return new DomainException.FieldError(
                    "channel", "不是缴费渠道：" + row.get("channel") + "（应为 微信、支付宝、皖事通、代收 或 办税服务厅）");
        }
        Instant paidAt = instantOf(row.get("paidAt"));
        if (paidAt == null) {
            return new DomainException.FieldError(
                    "paidAt", "不是日期或时间：" + row.get("paidAt") + "（应如 2024-11-15 10:30:00）");
        }
        return new PaymentService.Confirmation(reference, idNumber, regionCode, coverageYear, amount, channel, paidAt);
    }

    static Payment.Channel channelOf(String text) {
        if (text == null) {
            return null;
        }
        Payment.Channel chinese = CHANNELS.get(text.strip());
        if (chinese != null) {
            return chinese;
        }
        try {
            return Payment.Channel.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** 2024-11-15 10:30:00, 2024/11/15 10:30, an ISO time with offset, or a date alone (its start, Shanghai time). */
    static Instant instantOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            // a local time of Shanghai, as the bureau's files write it
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(t, format).atZone(SHANGHAI).toInstant();
            } catch (DateTimeParseException next) {
                // try the next spelling
            }
        }
        try {
            LocalDate date = Values.parseDate(t);
            return date.atStartOfDay(SHANGHAI).toInstant();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
