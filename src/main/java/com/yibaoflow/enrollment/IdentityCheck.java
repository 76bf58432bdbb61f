package com.yibaoflow.enrollment;

import com.yibaoflow.shared.id.ResidentIdNumber;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code Task_CheckIdentity}: GB 11643 check digit, birth date and sex from the number, name present (issue #4 §2). */
@Service
@Transactional
class IdentityCheck {

    private final CaseLookup lookup;

    IdentityCheck(CaseLookup lookup) {
        this.lookup = lookup;
    }

    /** Empty when the identity holds (birth date and sex are then on the case), else why it does not. */
    Optional<Rejection> check(CaseRef ref) {
        EnrollmentCase c = lookup.find(ref);
        if (!ResidentIdNumber.isValid(c.idNumber())) {
            return Optional.of(new Rejection(RejectionReason.INVALID_IDENTITY, "身份证号码校验不通过（GB 11643 校验码错误或出生日期无效）"));
        }
        if (c.name() == null || c.name().isBlank()) {
            return Optional.of(new Rejection(RejectionReason.INVALID_IDENTITY, "姓名为空"));
        }
        ResidentIdNumber id = ResidentIdNumber.parse(c.idNumber());
        c.identity(id.birthDate(), id.sex().name());
        return Optional.empty();
    }
}
