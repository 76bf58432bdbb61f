package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.audit.CaseHistory;
import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.IdentityBootstrap;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ClockConfiguration;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.MajorMatterRequests;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue #17 item 8 end to end on PostgreSQL, through the real enrollment and hardship processes and the roster API:
 * R-SUB-11 (identified after the collection period → subsidy next year, while still on the department's roster) and
 * R-WAIT-01 exempt hardship categories. 石台县 (341722) with a test set for 2026 (Dongzhi's 2025 figures moved a
 * year, fiscal 700 and the orphan subsidy for the 2026 floors, 低保 exempt from waiting); the civil-affairs roster of
 * 341722 is this class's while a test runs and is retired after it.
 */
@IntegrationTest
@InCollectionPeriod
class SubsidyEntitlementTests {

    static final String REGION = "341722";

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    PaymentService payments;

    @Autowired
    EnrollmentCases cases;

    @Autowired
    Coverages coverages;

    @Autowired
    PolicyService policies;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ShiftableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    CaseHistory caseHistory;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityBootstrap identity;

    @BeforeEach
    void policiesAndAnEmptyRoster() {
        TestPolicies.ensureActive(policies, REGION, 2025);
        synchronized (SubsidyEntitlementTests.class) {
            boolean active;
            try {
                active = policies.versions(REGION, 2026).stream().anyMatch(v -> v.status() == PolicyStatus.ACTIVE);
            } catch (DomainException none) {
                active = false;
            }
            if (!active) {
                var y2025 = policies.active(REGION, 2025);
                Map<String, Provenance> provenance = new LinkedHashMap<>(y2025.provenance());
                provenance.put(
                        "subsidies.ORPHAN", new Provenance("R-SUB-13", ProvenanceState.SEED, "[N]", "二 “全额资助特困人员、孤儿”"));
                var draft = policies.createDraft(
                        REGION, 2026, at2026(y2025.parameters()), provenance, "test: 341722 2026", "test");
                MajorMatterRequests.activate(REGION, 2026, draft.version()); // R-MM-03: through an approved request
            }
        }
        retireCivilAffairsRoster();
    }

    @AfterEach
    void retireCivilAffairsRoster() {
        jdbc.update("update yibao.roster_version set current = false, pending = false "
                + "where department = 'civil-affairs' and region_code = '" + REGION + "'");
    }

    /** The 2025 figures one year on; fiscal 700 and orphans in full (R-FUND-03, R-SUB-13); 低保 exempt (R-WAIT-01). */
    private static PolicyParameters at2026(PolicyParameters p) {
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(p.subsidies());
        subsidies.put(HardshipCategory.ORPHAN, p.funding().individualStandard());
        var f = p.funding();
        var w = p.waiting();
        return new PolicyParameters(
                new PolicyParameters.Periods(
                        p.periods().collectionStart().plusYears(1),
                        p.periods().collectionEnd().plusYears(1),
                        LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31)),
                new PolicyParameters.Funding(
                        f.individualStandard(),
                        new BigDecimal("700.00"),
                        f.centralShareRatio(),
                        f.provinceShareOfLocal(),
                        f.cityShareOfLocal(),
                        f.countyShareOfLocal()),
                subsidies,
                new PolicyParameters.Waiting(
                        w.fixedMonths(),
                        w.monthsPerGapYear(),
                        w.firstMissedYearCounts(),
                        w.monthsRemovedPerBackPaidYear(),
                        w.longGapYears(),
                        w.longGapMinimumMonths(),
                        w.newbornGraceDays(),
                        w.exemptGroups(),
                        Set.of(HardshipCategory.MINIMUM_LIVING),
                        w.neverCovered(),
                        w.employeeSwitch()),
                p.incentives(),
                p.benefits(),
                p.monitoring());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    EnrollmentCase intake(String idNumber, int year) {
        EnrollmentCase c = enrollments.intake(
                new Application(
                        REGION,
                        year,
                        idNumber,
                        "孙九",
                        Residence.LOCAL_HUKOU,
                        null,
                        "仁里镇",
                        "13800000000",
                        List.of(),
                        null,
                        0),
                EnrollmentSource.API,
                null,
                "test");
        driver.runJobs(c.processInstanceId());
        return reload(c);
    }

    EnrollmentCase reload(EnrollmentCase c) {
        return cases.findById(c.id()).orElseThrow();
    }

    void pay(EnrollmentCase c, String amount, LocalDate paidOn) {
        Instant paidAt = paidOn.atTime(8, 0).atZone(ClockConfiguration.ZONE).toInstant();
        if (clock.instant().isBefore(paidAt)) {
            clock.setInstant(paidAt.plusSeconds(3600));
        }
        payments.confirm(new PaymentService.Confirmation(
                "SUB11-" + c.id(),
                c.idNumber(),
                REGION,
                c.coverageYear(),
                new BigDecimal(amount),
                Payment.Channel.WECHAT,
                paidAt));
        driver.runJobs(c.processInstanceId());
    }

    ResultActions uploadRoster(String asOf, String rows) throws Exception {
        return mvc.perform(multipart("/api/rosters/imports")
                .file(new MockMultipartFile(
                        "file",
                        "低保花名册.csv",
                        "text/csv",
                        ("身份证号码,姓名,困难类别,认定起始日期,认定终止日期,乡镇\n" + rows).getBytes(StandardCharsets.UTF_8)))
                .param("department", "civil-affairs")
                .param("asOf", asOf)
                .param("regionCode", REGION)
                .with(asIn(Department.CIVIL_AFFAIRS)));
    }

    JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    /** HTTP Basic as a user of the department in 341722 (created once). */
    RequestPostProcessor asIn(Department department) {
        String user = department.groupId() + "-" + REGION;
        identity.ensureUser(user, "secret", "测试", department.chineseName(), department, REGION);
        return httpBasic(user, "secret");
    }

    JsonNode entitlements(int year) throws Exception {
        return body(mvc.perform(get("/api/hardship/entitlements")
                        .param("regionCode", REGION)
                        .param("coverageYear", String.valueOf(year))
                        .with(asIn(Department.CIVIL_AFFAIRS_SUPERVISORS)))
                .andExpect(status().isOk()));
    }

    JsonNode entitlementOf(JsonNode report, String idNumber) {
        String masked = com.yibaoflow.shared.id.ResidentIdNumber.mask(idNumber);
        for (JsonNode item : report.get("items")) {
            if (item.get("idNumberMasked").asText().equals(masked)) {
                return item;
            }
        }
        throw new AssertionError("no entitlement of " + masked + " in " + report);
    }

    List<CaseHistory.Entry> r_sub_11_historyOf(EnrollmentCase c) {
        CaseEventsDelivered.await(jdbc, c.businessKey());
        return caseHistory.of(c.businessKey()).stream()
                .filter(e -> "R-SUB-11".equals(e.ruleId()))
                .toList();
    }

    // ---- R-SUB-11 ---------------------------------------------------------------------------------------------

    @Test
    void R_SUB_11_identifiedAfterTheCollectionPeriodTheSubsidyAppliesNextYearWhileStillOnTheRoster() throws Exception {
        String stays = TestIds.adult();
        String leaves = TestIds.adult();
        // 2025: both enrolled and paid in the collection period at the full standard
        for (String id : List.of(stays, leaves)) {
            EnrollmentCase c = intake(id, 2025);
            assertThat(c.personalDue()).isEqualByComparingTo("400.00");
            pay(c, "400.00", LocalDate.of(2024, 11, 18));
            assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        }

        // March 2025, after the collection period: civil affairs lists both as 低保
        clock.setToday(LocalDate.of(2025, 3, 2), LocalTime.of(9, 0));
        JsonNode first = body(
                uploadRoster("2025-03-01", stays + ",孙九,低保对象,2025-02-20,,仁里镇\n" + leaves + ",孙九,低保对象,2025-02-20,,仁里镇\n")
                        .andExpect(status().isCreated()));
        assertThat(first.get("subsidyEntitlements").asInt()).isEqualTo(2);
        JsonNode before = entitlements(2026);
        assertThat(before.get("pending").asInt()).isEqualTo(2);
        assertThat(entitlementOf(before, stays).get("status").asText()).isEqualTo("PENDING");
        assertThat(entitlementOf(before, stays).get("reason").asText()).contains("R-SUB-11", "2026");

        // August 2025: the next version no longer lists one of them (half the roster: a supervisor confirms)
        clock.setToday(LocalDate.of(2025, 8, 1), LocalTime.of(9, 0));
        JsonNode second = body(
                uploadRoster("2025-08-01", stays + ",孙九,低保对象,2025-02-20,,仁里镇\n").andExpect(status().isAccepted()));
        mvc.perform(post("/api/rosters/versions/" + second.get("versionId").asLong() + "/confirmation")
                        .with(asIn(Department.CIVIL_AFFAIRS_SUPERVISORS)))
                .andExpect(status().isOk());

        // October 2025, in the 2026 collection period: next year's enrollment checks the entitlements
        clock.setToday(LocalDate.of(2025, 10, 15), LocalTime.of(9, 0));
        EnrollmentCase applied = intake(stays, 2026);
        EnrollmentCase lapsed = intake(leaves, 2026);

        assertThat(applied.status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
        assertThat(applied.verifiedCategories()).containsExactly("MINIMUM_LIVING");
        assertThat(applied.appliedCategory()).isEqualTo("MINIMUM_LIVING");
        assertThat(applied.personalDue()).isEqualByComparingTo("40.00");
        assertThat(lapsed.status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
        assertThat(lapsed.verifiedCategories()).isEmpty();
        assertThat(lapsed.appliedCategory()).isNull();
        assertThat(lapsed.personalDue()).isEqualByComparingTo("400.00");

        // the contribution explanation of each 2026 case cites R-SUB-11 with the outcome
        assertThat(applied.explanation())
                .filteredOn(step -> step.ruleId().equals("R-SUB-11"))
                .anySatisfy(step -> assertThat(step.text()).contains("is applied", "资助适用"));
        assertThat(lapsed.explanation())
                .filteredOn(step -> step.ruleId().equals("R-SUB-11"))
                .singleElement()
                .satisfies(step -> assertThat(step.text())
                        .contains("MINIMUM_LIVING", "has lapsed", "not applied", "不予适用", "不再列其为低保对象"));

        // the report: lapsed first, each with the case that checked it and why
        JsonNode after = entitlements(2026);
        assertThat(after.get("applied").asInt()).isEqualTo(1);
        assertThat(after.get("lapsed").asInt()).isEqualTo(1);
        assertThat(after.get("pending").asInt()).isZero();
        assertThat(after.get("items").get(0).get("status").asText()).isEqualTo("LAPSED");
        JsonNode off = entitlementOf(after, leaves);
        assertThat(off.get("checkedCase").asText()).isEqualTo(lapsed.businessKey());
        assertThat(off.get("outcome").asText()).contains("不予适用", "县民政局", "不再列其为低保对象");
        assertThat(off.get("checkedRosterVersion").asInt())
                .isEqualTo(second.get("version").asInt());
        assertThat(off.get("department").asText()).isEqualTo("civil-affairs");
        assertThat(off.get("name").asText()).isEqualTo("孙九");
        JsonNode on = entitlementOf(after, stays);
        assertThat(on.get("status").asText()).isEqualTo("APPLIED");
        assertThat(on.get("checkedCase").asText()).isEqualTo(applied.businessKey());
        assertThat(on.get("outcome").asText()).contains("资助适用");
        // issue #17 item 2: what the entitlement is worth in 2026, with the provenance of the subsidy
        JsonNode worth = after.get("subsidies").get("MINIMUM_LIVING");
        assertThat(worth.get("subsidy").decimalValue()).isEqualByComparingTo("360.00");
        assertThat(worth.get("policyVersion").asText()).startsWith(REGION + "/2026 v");
        assertThat(worth.at("/provenance/subsidy/0/parameter").asText()).isEqualTo("subsidies.MINIMUM_LIVING");
        assertThat(worth.at("/provenance/subsidy/0/state").asText()).isEqualTo("SEED");

        // the event, in each case's history
        assertThat(r_sub_11_historyOf(applied)).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("SUBSIDY_ENTITLEMENT_APPLIED");
            assertThat(e.recordedBy()).isEqualTo("system");
        });
        assertThat(r_sub_11_historyOf(lapsed)).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("SUBSIDY_ENTITLEMENT_LAPSED");
            assertThat(e.detail()).contains("不予适用");
        });
    }

    @Test
    void R_SUB_11_theReportIsForSupervisorsAndAuditorsOfTheRegionAndNamesAMissingYear() throws Exception {
        mvc.perform(get("/api/hardship/entitlements")
                        .param("regionCode", REGION)
                        .with(asIn(Department.AUDITORS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverageYear"));
        mvc.perform(get("/api/hardship/entitlements")
                        .param("regionCode", REGION)
                        .param("coverageYear", "2026")
                        .with(asIn(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value(REGION));
        mvc.perform(get("/api/hardship/entitlements")
                        .param("regionCode", REGION)
                        .param("coverageYear", "2026")
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden());
        // a Dongzhi supervisor does not see 石台县
        mvc.perform(get("/api/hardship/entitlements")
                        .param("regionCode", REGION)
                        .param("coverageYear", "2026")
                        .with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isNotFound());
    }

    // ---- R-WAIT-01 exempt hardship categories -----------------------------------------------------------------

    @Test
    void R_WAIT_01_aHardshipCategoryTheRegionExemptsHasNoWaitingPeriodOutsideTheCollectionPeriod() throws Exception {
        String listed = TestIds.adult();
        String notListed = TestIds.adult();
        clock.setToday(LocalDate.of(2026, 2, 9), LocalTime.of(9, 0));
        uploadRoster("2026-02-09", listed + ",孙九,低保对象,2026-01-05,,仁里镇\n").andExpect(status().isCreated());

        // February 2026, after the 2026 collection period: a first enrollment waits 3 months unless exempt
        EnrollmentCase exempt = intake(listed, 2026);
        EnrollmentCase waits = intake(notListed, 2026);
        for (EnrollmentCase c : List.of(exempt, waits)) {
            assertThat(c.reviewReasons()).containsExactly("OUTSIDE_COLLECTION_PERIOD");
            Task review = driver.family(c.processInstanceId()).stream()
                    .flatMap(id -> tasks
                            .createTaskQuery()
                            .processInstanceId(id)
                            .taskDefinitionKey(EnrollmentProcess.TASK_REVIEW)
                            .list()
                            .stream())
                    .findFirst()
                    .orElseThrow();
            tasks.claim(review.getId(), "caseworker-user");
            tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE"));
            driver.runJobs(c.processInstanceId());
        }
        assertThat(reload(exempt).appliedCategory()).isEqualTo("MINIMUM_LIVING");
        pay(reload(exempt), "40.00", LocalDate.of(2026, 2, 12));
        pay(reload(waits), "400.00", LocalDate.of(2026, 2, 12));

        EnrollmentCase e = reload(exempt);
        assertThat(e.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(e.waitingExempt()).isTrue();
        assertThat(e.waitingFixedMonths()).isZero();
        assertThat(coverages.findByCaseId(e.id()).orElseThrow().benefitStartDate())
                .isEqualTo(LocalDate.of(2026, 2, 12));
        assertThat(e.waitingExplanation())
                .anySatisfy(step -> assertThat(step.text()).contains("waiting.exemptCategories"));
        EnrollmentCase w = reload(waits);
        assertThat(w.waitingFixedMonths()).isEqualTo(3);
        assertThat(coverages.findByCaseId(w.id()).orElseThrow().benefitStartDate())
                .isEqualTo(LocalDate.of(2026, 5, 12));
    }
}
