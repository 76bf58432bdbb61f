package com.yibaoflow.hardship;

import static com.yibaoflow.hardship.HardshipProcess.*;
import static com.yibaoflow.shared.process.ProcessVariables.integer;
import static com.yibaoflow.shared.process.ProcessVariables.longValue;
import static com.yibaoflow.shared.process.ProcessVariables.requiredString;
import static com.yibaoflow.shared.process.ProcessVariables.string;
import static com.yibaoflow.shared.process.ProcessVariables.strings;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the verification steps of {@code processes/hardship-verification.bpmn} do (docs/process-contracts.md): match
 * the claimed categories against the departments' rosters and determine the subsidy that applies. The steps around a
 * department's own verification task are {@link ClaimTaskSteps}.
 */
@Service
@Transactional
public class HardshipSteps {

    private final HardshipVerifications verifications;
    private final HardshipClaims claims;
    private final Rosters rosters;
    private final PolicyService policies;
    private final ApplicationEventPublisher events;
    private final ShiftableClock clock;
    private final ContributionCalculator contribution = new ContributionCalculator();

    HardshipSteps(
            HardshipVerifications verifications,
            HardshipClaims claims,
            Rosters rosters,
            PolicyService policies,
            ApplicationEventPublisher events,
            ShiftableClock clock) {
        this.verifications = verifications;
        this.claims = claims;
        this.rosters = rosters;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    // ---- Task_MatchRosters ------------------------------------------------------------------------------------

    /**
     * Creates the verification and one claim per claimed category; a claim the owning department's current roster
     * confirms is verified at once (source: that roster version), the others wait for the department (R-SUB-12).
     */
    public void matchRosters(DelegateExecution execution) {
        String idNumber = requiredString(execution, ID_NUMBER).toUpperCase(Locale.ROOT);
        String regionCode = requiredString(execution, REGION_CODE);
        int coverageYear = integer(execution, COVERAGE_YEAR);
        HardshipVerification verification;
        Long existingId = longValue(execution, VERIFICATION_ID);
        if (existingId != null) {
            verification = verifications.findById(existingId).orElseThrow();
        } else {
            verification = verifications.saveAndFlush(new HardshipVerification(
                    execution.getProcessBusinessKey() != null
                            ? execution.getProcessBusinessKey()
                            : businessKey(regionCode, coverageYear, idNumber),
                    idNumber,
                    Optional.ofNullable(string(execution, PERSON_NAME)).orElse(""),
                    regionCode,
                    coverageYear,
                    longValue(execution, ENROLLMENT_CASE_ID),
                    execution.getProcessInstanceId(),
                    clock.instant()));
            execution.setVariable(VERIFICATION_ID, verification.id());
        }
        execution.setVariable(ID_NUMBER_MASKED, ResidentIdNumber.mask(idNumber));
        List<String> pending = new ArrayList<>();
        for (HardshipCategory category : categories(strings(execution, CLAIMED_CATEGORIES))) {
            Department owner = CategoryOwnership.ownerOf(category);
            HardshipClaim claim = claims.findByVerificationIdAndCategory(verification.id(), category.name())
                    .orElseGet(
                            () -> claims.save(new HardshipClaim(verification.id(), category.name(), owner.groupId())));
            if (claim.status() != HardshipClaim.Status.PENDING) {
                continue;
            }
            // R-SUB-11 (issue #17 item 8): an entitlement from an earlier roster verifies nothing by itself; it
            // applies only while the current roster still lists the person (SubsidyEntitlements)
            Optional<Long> roster = rosters.currentVersionListing(
                    idNumber, category.name(), owner.groupId(), regionCode, clock.today());
            if (roster.isPresent()) {
                claim.verifiedByRoster(roster.get(), clock.instant());
            } else {
                pending.add(category.name());
            }
        }
        execution.setVariable(PENDING_CLAIMS, pending);
        execution.setVariable(HAS_PENDING_CLAIMS, !pending.isEmpty());
    }

    // ---- Task_DetermineSubsidy --------------------------------------------------------------------------------

    /** The verified categories and the one whose subsidy applies: the highest, never a sum (R-SUB-09). */
    public void determineHighestSubsidy(DelegateExecution execution) {
        HardshipVerification verification =
                verifications.findById(longValue(execution, VERIFICATION_ID)).orElseThrow();
        List<String> verified = claims.findByVerificationIdOrderByIdAsc(verification.id()).stream()
                .filter(c -> c.status() == HardshipClaim.Status.VERIFIED)
                .map(HardshipClaim::category)
                .toList();
        String applied = null;
        if (!verified.isEmpty()) {
            Set<HardshipCategory> categories = EnumSet.noneOf(HardshipCategory.class);
            verified.forEach(c -> categories.add(HardshipCategory.valueOf(c)));
            ContributionResult result = contribution.calculate(
                    policies.activeSnapshot(verification.regionCode(), verification.coverageYear()),
                    new ContributionInput(Residence.LOCAL_HUKOU, categories, null));
            applied = result.appliedCategory() == null
                    ? null
                    : result.appliedCategory().name();
        }
        verification.complete(verified, applied, clock.instant());
        events.publishEvent(new HardshipEvents.HardshipVerified(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                ResidentIdNumber.mask(verification.idNumber()),
                verification.regionCode(),
                verification.coverageYear(),
                verified,
                applied,
                verified.isEmpty()
                        ? "困难身份认定完成：未认定任何资助类别"
                        : "困难身份认定完成：认定"
                                + String.join(
                                        "、",
                                        verified.stream()
                                                .map(c -> HardshipCategory.valueOf(c)
                                                        .chineseName())
                                                .toList())
                                + (applied == null
                                        ? "，本年度政策无对应资助标准"
                                        : "，按最高标准适用"
                                                + HardshipCategory.valueOf(applied)
                                                        .chineseName() + "资助（R-SUB-09）")));
        execution.setVariable(VERIFIED_CATEGORIES, new ArrayList<>(verified));
        execution.setVariable(APPLIED_CATEGORY, applied);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<HardshipCategory> categories(List<String> codes) {
        List<HardshipCategory> result = new ArrayList<>();
        for (String code : codes) {
            HardshipCategory c = HardshipCategory.valueOf(code.strip().toUpperCase(Locale.ROOT));
            if (!result.contains(c)) {
                result.add(c);
            }
        }
        return result;
    }
}
