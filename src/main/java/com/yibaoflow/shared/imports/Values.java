package com.yibaoflow.shared.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cell text of department files to values: the date and amount spellings such files use. */
public final class Values {

    private static final Pattern YMD = Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$");
    private static final Pattern BASIC = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

    private Values() {}

    /** 2024-01-05, 2024/1/5, 2024.1.5, 20240105, 2024年1月5日. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("未填写（应为日期，如 2024-01-05）");
        }
        String t = text.strip();
        Matcher m = YMD.matcher(t);
        if (!m.matches()) {
            m = BASIC.matcher(t);
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("不是日期：" + t + "（应如 2024-01-05）");
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("不是有效日期：" + t);
        }
    }

    /** 400, 1,234.5, ¥400, 400元 → CNY at 2 decimals (HALF_UP). */
    public static BigDecimal parseAmount(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("未填写（应为金额，如 400.00）");
        }
        String t = text.strip()
                .replace(",", "")
                .replace("，", "")
                .replace("¥", "")
                .replace("￥", "")
                .replace("元", "")
                .strip();
        try {
            return new BigDecimal(t).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("不是金额：" + text.strip());
        }
    }
}
