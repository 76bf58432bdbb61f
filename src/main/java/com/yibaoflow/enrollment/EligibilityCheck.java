package com.yibaoflow.enrollment;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.DueDates;
import com.yibaoflow.shared.time.ShiftableClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * {@code Task_CheckEligibility}, R-ELIG-01/02: residence basis, no enrollment elsewhere, no employee insurance for
 * the same period; then the exceptions that need a caseworker (issue #4 §6) and the hardship claims to verify (§4).
 */
@Service
@Transactional
class EligibilityCheck {

    /**
     * The answer: a rejection, or eligible with the review reasons (none: straight through) and the hardship
     * claims to verify. {@code caseId} is set when the hardship call needs it; the applicant's data as variables
     * when a form or the hardship call reads them (a straight-through case never needs them, which keeps its
     * history small).
     */
    record Eligibility(
            Rejection rejection,
            List<ReviewReason> reviewReasons,
            Date reviewDue,
            List<String> claims,
            Long caseId,
            Applicant applicant) {

        boolean needsReview() {
            return !reviewReasons.isEmpty();
        }

        boolean hasClaims() {
            return !claims.isEmpty();
        }
    }

    /** The applicant's data, for the review and correction forms and the hardship call. */
    record Applicant(
            String idNumber,
            String idNumberMasked,
            String name,
            String regionCode,
            int coverageYear,
            String residence,
            String residencePermitNumber,
            String township,
            String phone,
            List<String> claimedCategories) {

        static Applicant of(EnrollmentCase c) {
            return new Applicant(
                    c.idNumber(),
                    ResidentIdNumber.mask(c.idNumber()),
                    c.name(),
                    c.regionCode(),
                    c.coverageYear(),
                    c.residence().name(),
                    c.residencePermitNumber(),
                    c.township(),
                    c.phone(),
                    new ArrayList<>(c.claimedCategories()));
        }
    }

    private final CaseLookup lookup;
    private final PolicyService policies;
    private final ResidentRecords records;
    private final SingletonSupplier<HardshipRosterMatches> rosterMatches;
    /** Looked up once: a bean lookup on every eligibility check showed in the job executor's profile. */
    private final SingletonSupplier<SubsidyEntitlementCheck> entitlementChecks;

    private final DueDates dueDates;
    private final ShiftableClock clock;
    private final EnrollmentProperties properties;

    EligibilityCheck(
            CaseLookup lookup,
            PolicyService policies,
            ResidentRecords records,
            ObjectProvider<HardshipRosterMatches> rosterMatches,
            ObjectProvider<SubsidyEntitlementCheck> entitlementChecks,
            DueDates dueDates,
            ShiftableClock clock,
            EnrollmentProperties properties) {
        this.lookup = lookup;
        this.policies = policies;
        this.records = records;
        this.rosterMatches = SingletonSupplier.of(rosterMatches::getIfAvailable);
        this.entitlementChecks = SingletonSupplier.of(entitlementChecks::getIfAvailable);
        this.dueDates = dueDates;
        this.clock = clock;
        this.properties = properties;
    }

    Eligibility check(CaseRef ref) {
        EnrollmentCase c = lookup.find(ref);
        LocalDate today = clock.today();
        PolicySnapshot snapshot;
        try {
            snapshot = policies.activeSnapshot(c.regionCode(), c.coverageYear());
        } catch (DomainException e) {
            return ineligible(
                    RejectionReason.NO_ACTIVE_POLICY, "参保地区" + c.regionCode() + "无" + c.coverageYear() + "年度有效政策参数");
        }
        Periods periods = snapshot.parameters().periods();
        if (today.isAfter(periods.coverageEnd())) {
            return ineligible(
                    RejectionReason.COVERAGE_YEAR_OVER, c.coverageYear() + "年度待遇期已于" + periods.coverageEnd() + "结束");
        }
        ResidentRecords.EligibilityFacts facts = records.eligibilityFacts(
                c.idNumber(), c.coverageYear(), c.regionCode(), periods.coverageStart(), periods.coverageEnd());
        Optional<String> elsewhere = facts.enrolledElsewhere();
        if (elsewhere.isPresent()) {
            return ineligible(
                    RejectionReason.ENROLLED_ELSEWHERE,
                    "R-ELIG-02: 已在统筹地区" + elsewhere.get() + "参加" + c.coverageYear() + "年度居民医保");
        }
        Optional<String> employee = facts.employeeInsurance();
        if (employee.isPresent()) {
            return ineligible(RejectionReason.EMPLOYEE_INSURED, "R-ELIG-02: 同期已参加职工基本医疗保险（" + employee.get() + "）");
        }

        List<ReviewReason> reasons = reviewReasons(c, facts, periods, today);
        c.needsReview(reasons.stream().map(Enum::name).toList(), clock.instant());
        Date reviewDue = reasons.isEmpty() ? null : dueDates.workingDaysFromNow(properties.reviewWorkingDays());

        // issue #4 §4: claimed categories, and categories a current department roster lists the person under
        Set<String> claims = new LinkedHashSet<>(c.claimedCategories());
        HardshipRosterMatches matches = rosterMatches.get();
        if (matches != null) {
            claims.addAll(matches.currentCategories(c.idNumber(), c.regionCode(), c.coverageYear(), today));
        }
        // R-SUB-11 (issue #17 item 8): entitlements from last year's roster apply only while still on the roster
        SubsidyEntitlementCheck entitlements = entitlementChecks.get();
        if (entitlements != null) {
            claims.addAll(entitlements.applicableCategories(
                    c.businessKey(), c.idNumber(), c.regionCode(), c.coverageYear(), today));
        }
        // the hardship verification refers to the case row: a case still being taken in is written now
        Long caseId = claims.isEmpty() ? null : lookup.persistedId(c);
        return new Eligibility(
                null,
                reasons,
                reviewDue,
                new ArrayList<>(claims),
                caseId,
                reasons.isEmpty() && claims.isEmpty() ? null : Applicant.of(c));
    }

    private static List<ReviewReason> reviewReasons(
            EnrollmentCase c, ResidentRecords.EligibilityFacts facts, Periods periods, LocalDate today) {
        List<ReviewReason> reasons = new ArrayList<>();
        if (c.residence() == Residence.NON_LOCAL_RESIDENT
                && (c.residencePermitNumber() == null
                        || c.residencePermitNumber().isBlank())) {
            reasons.add(ReviewReason.NON_LOCAL_WITHOUT_PERMIT);
        }
        if (today.isAfter(periods.collectionEnd()) && c.residence() != Residence.NEWBORN) {
            reasons.add(ReviewReason.OUTSIDE_COLLECTION_PERIOD);
        }
        if (facts.lastEnrolledName().filter(name -> !name.equals(c.name())).isPresent()) {
            reasons.add(ReviewReason.DATA_CONFLICT_NAME);
        }
        if (c.residence() == Residence.NEWBORN
                && c.birthDate() != null
                && c.birthDate().getYear() < c.coverageYear() - 1) {
            reasons.add(ReviewReason.DATA_CONFLICT_NEWBORN_AGE);
        }
        return reasons;
    }

    private static Eligibility ineligible(RejectionReason reason, String detail) {
        return new Eligibility(new Rejection(reason, detail), List.of(), null, List.of(), null, null);
    }
}
