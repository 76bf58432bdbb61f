package com.yibaoflow.enrollment;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.region.Regions;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake of enrollment applications through the API and roster doors (issue #4 §1): the case row and the process
 * instance are created in one transaction, so a case never exists without its process nor the other way round.
 * R-ELIG-02 (one live enrollment per person and coverage year, in any region) is enforced by a unique index, so
 * two racing intakes of one person end in one case and one 409.
 */
@Service
public class EnrollmentService {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentService.class);

    private final EnrollmentCases cases;
    private final CaseLookup lookup;
    private final ResidentRecords records;
    private final PolicyService policies;
    private final Regions regions;
    private final RuntimeService runtime;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BackPayments backPayments;

    EnrollmentService(
            EnrollmentCases cases,
            CaseLookup lookup,
            ResidentRecords records,
            PolicyService policies,
            Regions regions,
            RuntimeService runtime,
            PlatformTransactionManager transactionManager,
            Clock clock,
            BackPayments backPayments) {
        this.backPayments = backPayments;
        this.cases = cases;
        this.lookup = lookup;
        this.records = records;
        this.policies = policies;
        this.regions = regions;
        this.runtime = runtime;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Thrown when the person already has a live case for the coverage year (R-ELIG-02). */
    public static final class AlreadyEnrolledException extends RuntimeException {
        private final EnrollmentCase existing;

        AlreadyEnrolledException(EnrollmentCase existing) {
            super("R-ELIG-02: " + ResidentIdNumber.mask(existing.idNumber()) + " already has case " + existing.id()
                    + " for coverage year " + existing.coverageYear() + " in region " + existing.regionCode());
            this.existing = existing;
        }

        public EnrollmentCase existing() {
            return existing;
        }
    }

    /** The region exists and has active parameters for the year: otherwise the field is named. */
    public void requireOpenYear(String regionCode, int coverageYear) {
        if (regionCode == null) {
            throw DomainException.invalidField("regionCode", "is required");
        }
        try {
            // remembered by the policy service; an active parameter set belongs to a known region (foreign key), so
            // the usual intake asks the database nothing here
            policies.activeSnapshot(regionCode, coverageYear);
        } catch (DomainException e) {
            if (!regions.existsById(regionCode)) {
                throw DomainException.invalidField("regionCode", "is not a known pooling region: " + regionCode);
            }
            throw DomainException.invalidField(
                    "coverageYear", "has no active policy parameters in region " + regionCode + ": " + coverageYear);
        }
    }

    /**
     * R-WAIT-04 (issue #17 item 1): every back-paid year that would be charged has a policy version on record in the
     * region, else a 400 naming {@code paidBackYears} before anything is written.
     */
    public void requireBackPaymentVersions(String regionCode, int coverageYear, String idNumber, int paidBackYears) {
        backPayments.requireVersions(regionCode, coverageYear, idNumber, paidBackYears);
    }

    /**
     * Takes in one application: case row plus process instance, or {@link AlreadyEnrolledException} with the live
     * case of the same person and year.
     */
    public EnrollmentCase intake(Application application, EnrollmentSource source, Long importId, String userId) {
        try {
            return tx.execute(status -> {
                // the usual answer is "none": asked in plain SQL, and the case loaded only for the 409
                Optional<Long> live = records.liveCaseId(application.idNumber(), application.coverageYear());
                if (live.isPresent()) {
                    throw new AlreadyEnrolledException(
                            cases.findById(live.get()).orElseThrow());
                }
                EnrollmentCase taken = new EnrollmentCase(application, source, importId, clock.instant(), userId);
                taken.linkProcess(
                        lookup.whileTakingIn(taken, () -> start(taken)).getId());
                // the row is written once, after the steps, with their figures and the process link (persisted
                // before them, it would be inserted as it came in and updated with the figures); a concurrent
                // intake of the same person and year that committed first fails this insert at the unique index,
                // and the whole application, process included, is rolled back
                EnrollmentCase c = cases.saveAndFlush(taken);
                log.info("Enrollment case {} ({}) received through {}", c.id(), c.businessKey(), source);
                return c;
            });
        } catch (DataIntegrityViolationException e) {
            // the unique index saw a concurrent intake of the same person and year commit first
            EnrollmentCase existing = cases.findLive(application.idNumber(), application.coverageYear())
                    .orElseThrow(() -> e);
            throw new AlreadyEnrolledException(existing);
        }
    }

    /** The outcome of one application of a batch: the new case, or the live case that blocked it (R-ELIG-02). */
    public record Outcome(Application application, EnrollmentCase created, EnrollmentCase existing) {}

    /**
     * Takes in many applications in one transaction (the roster door): one query finds the persons who already
     * have a live case, the others get their case and process. Should a concurrent intake win a race inside the
     * batch, the batch is rolled back and taken in one by one.
     */
    public List<Outcome> intakeAll(
            List<Application> applications, EnrollmentSource source, Long importId, String userId) {
        try {
            return tx.execute(status -> {
                Map<String, EnrollmentCase> live = new java.util.HashMap<>();
                applications.stream()
                        .collect(java.util.stream.Collectors.groupingBy(Application::coverageYear))
                        .forEach((year, group) -> cases.findLive(
                                        group.stream()
                                                .map(Application::idNumber)
                                                .toList(),
                                        year)
                                .forEach(c -> live.put(c.idNumber() + "/" + c.coverageYear(), c)));
                List<Outcome> outcomes = new ArrayList<>();
                for (Application a : applications) {
                    EnrollmentCase existing = live.get(a.idNumber() + "/" + a.coverageYear());
                    if (existing != null) {
                        outcomes.add(new Outcome(a, null, existing));
                        continue;
                    }
                    EnrollmentCase c = cases.save(new EnrollmentCase(a, source, importId, clock.instant(), userId));
                    live.put(a.idNumber() + "/" + a.coverageYear(), c);
                    outcomes.add(new Outcome(a, c, null));
                }
                for (Outcome o : outcomes) {
                    if (o.created() != null) {
                        o.created().linkProcess(start(o.created()).getId());
                    }
                }
                cases.flush(); // the batch's case rows, linked, in JDBC batches; a race with another intake fails here
                return outcomes;
            });
        } catch (DataIntegrityViolationException e) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Application a : applications) {
                try {
                    outcomes.add(new Outcome(a, intake(a, source, importId, userId), null));
                } catch (AlreadyEnrolledException already) {
                    outcomes.add(new Outcome(a, null, already.existing()));
                }
            }
            return outcomes;
        }
    }

    /**
     * Starts the case's process. An API application starts at {@code StartEvent_ApplicationSubmitted} and runs in the
     * caller's transaction through identity, eligibility and calculation to its first wait state (payment, review, a
     * department's hardship task), so the answer already carries the figures, and a failing step rolls the whole
     * application back rather than leaving an accepted case with an incident. The roster and Tasklist doors start at
     * {@code StartEvent_ApplicationReceived}, whose registration step is asynchronous: an import takes in 200 rows a
     * transaction and must not wait for, or be undone by, one row's steps.
     */
    private ProcessInstance start(EnrollmentCase c) {
        if (c.source() == EnrollmentSource.API) {
            // no case variable: the steps of this transaction find the case being taken in by the business key
            // (CaseLookup); after a wait state they find the case row by the process instance it is linked to
            return runtime.createMessageCorrelation(EnrollmentProcess.MESSAGE_APPLICATION_SUBMITTED)
                    .processInstanceBusinessKey(c.businessKey())
                    .correlateStartMessage();
        }
        // the registration step finds the case by its id: a row taken in on its own (a batch's fallback after a
        // race) gets it here, from the pooled sequence, and is still inserted once, at the intake's flush
        Long caseId = c.id() != null ? c.id() : cases.save(c).id();
        return runtime.createProcessInstanceByKey(EnrollmentProcess.KEY)
                .businessKey(c.businessKey())
                .setVariable(EnrollmentProcess.CASE_ID, caseId)
                .execute();
    }

    /** The conflict answer of a second intake: the existing case, so the caller can go on with it. */
    public static DomainException conflict(EnrollmentCase existing) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("ruleId", "R-ELIG-02");
        props.put("existingCaseId", existing.id());
        props.put("existingCase", "/api/enrollments/" + existing.id());
        props.put("existingStatus", existing.status());
        props.put("existingRegionCode", existing.regionCode());
        return DomainException.conflict(
                "R-ELIG-02: this person already has a " + existing.status()
                        + " enrollment for coverage year " + existing.coverageYear() + " (case " + existing.id()
                        + ", region " + existing.regionCode() + ")",
                props);
    }
}
