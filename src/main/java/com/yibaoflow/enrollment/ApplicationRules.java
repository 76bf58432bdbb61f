package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.contribution.Payer;
import com.yibaoflow.policy.calc.contribution.Relationship;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape checks every door applies to an application before a case exists (API body, roster row, correction):
 * the same rules give the same field names and messages wherever the data came from. Eligibility (R-ELIG-01/02) is
 * the process's job, not this class's.
 */
final class ApplicationRules {

    static final int MAX_BACK_PAID_YEARS = 20;
    private static final Pattern PHONE = Pattern.compile("^[0-9+\\- ]{5,20}$");

    private ApplicationRules() {}

    /** The field errors of an application's fields (empty when it may be taken in). */
    static List<FieldError> check(
            String idNumber,
            String name,
            Residence residence,
            String township,
            String phone,
            List<String> claimedCategories,
            Payer payer,
            Integer paidBackYears) {
        List<FieldError> errors = new ArrayList<>();
        if (idNumber == null || idNumber.isBlank()) {
            errors.add(new FieldError("idNumber", "未填写"));
        } else if (!ResidentIdNumber.isValid(idNumber)) {
            errors.add(new FieldError("idNumber", "不是有效的公民身份号码（校验位不符，GB 11643）"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "未填写"));
        } else if (name.strip().length() > 100) {
            errors.add(new FieldError("name", "不能超过 100 个字符"));
        }
        if (residence == null) {
            errors.add(new FieldError("residence", "未填写（本县户籍、外地户籍常住人口、在校学生 或 新生儿）"));
        }
        if (township == null || township.isBlank()) {
            errors.add(new FieldError("township", "未填写"));
        } else if (township.strip().length() > 100) {
            errors.add(new FieldError("township", "不能超过 100 个字符"));
        }
        if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            errors.add(new FieldError("phone", "不是电话号码"));
        }
        if (claimedCategories != null) {
            for (int i = 0; i < claimedCategories.size(); i++) {
                if (category(claimedCategories.get(i)) == null) {
                    errors.add(new FieldError(
                            "claimedCategories[" + i + "]", "申报的困难类别不是已知类别：" + claimedCategories.get(i)));
                }
            }
        }
        if (payer != null) {
            if (payer.idNumber() == null || !ResidentIdNumber.isValid(payer.idNumber())) {
                errors.add(new FieldError("payer.idNumber", "代缴人的公民身份号码无效（校验位不符，GB 11643）"));
            } else if (payer.idNumber().equalsIgnoreCase(idNumber)) {
                errors.add(new FieldError("payer.idNumber", "代缴人须为申请人的近亲属，不能是申请人本人"));
            }
            if (payer.name() == null || payer.name().isBlank()) {
                errors.add(new FieldError("payer.name", "代缴人姓名未填写"));
            }
            if (payer.relationship() == null) {
                errors.add(new FieldError("payer.relationship", "代缴人与申请人的关系未填写（仅限近亲属代缴）"));
            }
        }
        if (paidBackYears != null && (paidBackYears < 0 || paidBackYears > MAX_BACK_PAID_YEARS)) {
            errors.add(new FieldError("paidBackYears", "补缴年数应在 0 至 " + MAX_BACK_PAID_YEARS + " 之间"));
        }
        return errors;
    }

    /** A category by its code or its Chinese name, or null. */
    static HardshipCategory category(String text) {
        return HardshipCategory.parse(text);
    }

    /** A residence category by its code or the Chinese text of a roster, or null. */
    static Residence residence(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (Residence r : Residence.values()) {
            if (r.name().equals(t.toUpperCase(Locale.ROOT))) {
                return r;
            }
        }
        if (t.startsWith("本地") || t.startsWith("本县") || t.equals("户籍人口")) {
            return Residence.LOCAL_HUKOU;
        }
        if (t.startsWith("外地") || t.startsWith("非本县") || t.contains("居住证") || t.equals("常住人口")) {
            return Residence.NON_LOCAL_RESIDENT;
        }
        if (t.contains("学生")) {
            return Residence.STUDENT;
        }
        if (t.contains("新生儿")) {
            return Residence.NEWBORN;
        }
        return null;
    }

    static Relationship relationship(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Relationship.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Normalized category codes, duplicates removed, in the order given. */
    static List<String> categoryCodes(List<String> claimed) {
        if (claimed == null) {
            return List.of();
        }
        return claimed.stream()
                .map(ApplicationRules::category)
                .filter(java.util.Objects::nonNull)
                .map(Enum::name)
                .distinct()
                .toList();
    }
}
