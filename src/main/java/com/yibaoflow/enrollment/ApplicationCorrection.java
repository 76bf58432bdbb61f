package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.time.ShiftableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_ApplyCorrection}: the corrected data from the correction form; what is missing or unusable keeps
 * its earlier value. The case goes round identity, eligibility and calculation again.
 */
@Service
@Transactional
class ApplicationCorrection {

    /** The correction form, as entered. */
    record Correction(
            String name,
            String residence,
            String residencePermitNumber,
            String township,
            String phone,
            List<String> claimedCategories) {}

    /** What the case now holds, for the next round's forms. */
    record Corrected(String name, Residence residence, String township, List<String> claimedCategories) {}

    private final CaseLookup lookup;
    private final ShiftableClock clock;

    ApplicationCorrection(CaseLookup lookup, ShiftableClock clock) {
        this.lookup = lookup;
        this.clock = clock;
    }

    Corrected apply(CaseRef ref, Correction form) {
        EnrollmentCase c = lookup.find(ref);
        Residence residence = Optional.ofNullable(ApplicationRules.residence(form.residence()))
                .orElse(c.residence());
        String name = Optional.ofNullable(form.name()).orElse(c.name());
        String township = Optional.ofNullable(form.township()).orElse(c.township());
        List<String> categories = ApplicationRules.categoryCodes(form.claimedCategories());
        c.apply(
                new Application(
                        c.regionCode(),
                        c.coverageYear(),
                        c.idNumber(),
                        name,
                        residence,
                        form.residencePermitNumber(),
                        township,
                        form.phone(),
                        categories,
                        ContributionCalculation.payerOf(c),
                        c.paidBackYears()),
                clock.instant());
        c.moveTo(EnrollmentStatus.RECEIVED, clock.instant());
        return new Corrected(name, residence, township, new ArrayList<>(categories));
    }
}
