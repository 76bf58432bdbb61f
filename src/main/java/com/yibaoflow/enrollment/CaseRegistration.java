package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_RegisterCase}: links the case the API or roster door created to its process; for the Tasklist door
 * creates the case from the start form. A live case of the same person and year refuses it (R-ELIG-02).
 */
@Service
@Transactional(noRollbackFor = CaseRegistration.DuplicateEnrollment.class) // a modelled outcome, not a failure
class CaseRegistration {

    /** The Tasklist start form, as entered. */
    record StartForm(
            String idNumber,
            String regionCode,
            Integer coverageYear,
            String name,
            String residence,
            String residencePermitNumber,
            String township,
            String phone,
            List<String> claimedCategories) {}

    /** A case created from the start form: what the later steps and forms read as variables. */
    record Registered(
            long caseId, String businessKey, String idNumber, String idNumberMasked, List<String> claimedCategories) {}

    /** R-ELIG-02: the person already has a live case for the year; the message is for the caseworker. */
    static final class DuplicateEnrollment extends RuntimeException {
        DuplicateEnrollment(String message) {
            super(message);
        }
    }

    private final CaseLookup lookup;
    private final EnrollmentCases cases;
    private final HistoryService history;
    private final ShiftableClock clock;

    CaseRegistration(CaseLookup lookup, EnrollmentCases cases, HistoryService history, ShiftableClock clock) {
        this.lookup = lookup;
        this.cases = cases;
        this.history = history;
        this.clock = clock;
    }

    /** Empty when the case existed already (API and roster doors): it is linked, its data stays in the row. */
    Optional<Registered> register(CaseRef ref, StartForm form) {
        if (ref.caseId() != null) {
            EnrollmentCase c = lookup.find(ref);
            if (c.processInstanceId() == null) {
                c.linkProcess(ref.processInstanceId());
            }
            return Optional.empty();
        }
        String idNumber =
                Optional.ofNullable(form.idNumber()).map(String::toUpperCase).orElse("");
        String regionCode = Optional.ofNullable(form.regionCode()).orElse("");
        Integer coverageYear = form.coverageYear();
        if (idNumber.length() != 18 || regionCode.length() != 6 || coverageYear == null) {
            throw new IllegalArgumentException(
                    "Start form incomplete: idNumber, regionCode and coverageYear are required");
        }
        Optional<EnrollmentCase> live = cases.findLive(idNumber, coverageYear);
        if (live.isPresent()) {
            throw new DuplicateEnrollment("R-ELIG-02: 该居民" + coverageYear + "年度已有参保登记（案件 "
                    + live.get().id() + "，" + live.get().regionCode() + "）");
        }
        Application application = new Application(
                regionCode,
                coverageYear,
                idNumber,
                Optional.ofNullable(form.name()).orElse(""),
                Optional.ofNullable(ApplicationRules.residence(form.residence()))
                        .orElse(Residence.LOCAL_HUKOU),
                form.residencePermitNumber(),
                Optional.ofNullable(form.township()).orElse(""),
                form.phone(),
                ApplicationRules.categoryCodes(form.claimedCategories()),
                null,
                0);
        EnrollmentCase c = cases.save(new EnrollmentCase(
                application, EnrollmentSource.TASKLIST, null, clock.instant(), startUserOf(ref.processInstanceId())));
        c.linkProcess(ref.processInstanceId());
        cases.flush(); // one insert, linked; a concurrent intake of the same person fails this step, not the commit
        return Optional.of(new Registered(
                c.id(),
                c.businessKey(),
                idNumber,
                ResidentIdNumber.mask(idNumber),
                new ArrayList<>(c.claimedCategories())));
    }

    private String startUserOf(String processInstanceId) {
        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        return pi != null && pi.getStartUserId() != null ? pi.getStartUserId() : "tasklist";
    }
}
