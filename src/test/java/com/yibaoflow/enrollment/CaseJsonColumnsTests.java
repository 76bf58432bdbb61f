package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.ParameterUse;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.SchemaOwner;
import com.yibaoflow.testsupport.TestIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #15/#16 (a case's JSON columns cost a Jackson parse at every load and a serialization at every flush): the
 * JSON columns of {@code enrollment_case} are kept as the text loaded, parsed only when read and written only when
 * replaced; on PostgreSQL, they read and are written exactly as when Hibernate parsed them.
 */
@IntegrationTest
@InCollectionPeriod
class CaseJsonColumnsTests {

    static final String JSON_COLUMNS =
            "claimed_categories, review_reasons, verified_categories, explanation, waiting_explanation, "
                    + "back_payment_breakdown";

    static final List<ExplanationStep> EXPLANATION = List.of(
            new ExplanationStep(
                    "R-FUND-01",
                    "[D] (二)",
                    "个人缴费标准 400.00 元。",
                    List.of(new ParameterUse(
                            "funding.individualStandard", "400.00", "SEED: [D] (二)", ProvenanceState.SEED))),
            new ExplanationStep("R-SUB-02", "[D] (三)", "低保对象资助\n全额。", List.of()));

    static final List<ExplanationStep> WAITING = List.of(new ExplanationStep(
            "R-WAIT-01",
            "[N] 四",
            "集中缴费期内参保，无等待期。",
            List.of(new ParameterUse(
                    "waiting.fixedMonths", "3", "EXTERNAL: [G] 国办发〔2024〕38号", ProvenanceState.EXTERNAL))));

    static final List<BackPaidYear> BACK_PAID = List.of(
            new BackPaidYear(2023, new BigDecimal("380.00"), "341721/2023 v1", "SEED: [D] (二)", ProvenanceState.SEED),
            new BackPaidYear(2024, new BigDecimal("400.50"), "341721/2024 v2", "SAMPLE", ProvenanceState.SAMPLE));

    @Autowired
    EnrollmentCases cases;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ShiftableClock clock;

    @Autowired
    Flyway flyway;

    @Test
    void aCaseWrittenAndReadBackHasTheSameListsWrittenInTheApplicationsJsonShape() throws Exception {
        String person = TestIds.adult();
        long id = saved(person);

        EnrollmentCase read = tx.execute(s -> cases.findById(id).orElseThrow());

        assertThat(read.explanation()).isEqualTo(EXPLANATION);
        assertThat(read.waitingExplanation()).isEqualTo(WAITING);
        assertThat(read.backPaymentBreakdown()).isEqualTo(BACK_PAID);
        assertThat(read.verifiedCategories()).containsExactly("MINIMUM_LIVING");
        assertThat(read.claimedCategories()).containsExactly("MINIMUM_LIVING", "EXTREME_POVERTY");
        assertThat(read.reviewReasons()).containsExactly("NON_LOCAL_WITHOUT_PERMIT");
        assertThat(read.explanation().get(0)).isSameAs(read.explanation().get(0)); // parsed once
        // the columns hold what the application's ObjectMapper writes, for SQL reading them with jsonb operators
        assertThat(jdbc.queryForObject(
                        "select explanation = ?::jsonb and waiting_explanation = ?::jsonb"
                                + " and back_payment_breakdown = ?::jsonb and verified_categories = '[\"MINIMUM_LIVING\"]'"
                                + " from yibao.enrollment_case where id = ?",
                        Boolean.class,
                        json.writeValueAsString(EXPLANATION),
                        json.writeValueAsString(WAITING),
                        json.writeValueAsString(BACK_PAID),
                        id))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select back_payment_breakdown -> 1 ->> 'individualStandard' from yibao.enrollment_case where id = ?",
                        String.class,
                        id))
                .isEqualTo("400.50");
    }

    @Test
    void aStatusChangeWritesNoJsonColumnAndAReplacedExplanationOnlyItsOwn() {
        String person = TestIds.adult();
        long id = saved(person);
        JdbcTemplate owner = SchemaOwner.jdbc(flyway);
        owner.execute("create function yibao.test_json_rewritten() returns trigger language plpgsql as "
                + "$$ begin raise exception 'JSON column rewritten: %', tg_argv[0]; end $$");
        try {
            for (String column : JSON_COLUMNS.split(", ")) {
                owner.execute("create trigger test_json_rewritten_" + column + " before update of " + column
                        + " on yibao.enrollment_case for each row when (new.id_number = '" + person
                        + "') execute function yibao.test_json_rewritten('" + column + "')");
            }

            change(id, c -> c.moveTo(EnrollmentStatus.IN_REVIEW, clock.instant()));
            // a column of the figures that is not JSON, the same explanation set again, the same review reasons
            change(id, c -> {
                c.backPaidYearsConfirmed(2);
                c.needsReview(List.of("NON_LOCAL_WITHOUT_PERMIT"), clock.instant());
            });
            assertThat(jdbc.queryForObject(
                            "select status || ' ' || back_paid_years_confirmed from yibao.enrollment_case where id = ?",
                            String.class,
                            id))
                    .isEqualTo("IN_REVIEW 2");

            // the check bites: a waiting period recalculated with another explanation rewrites that column only
            assertThatThrownBy(() -> change(
                            id,
                            c -> c.waiting(
                                    false, 3, 0, LocalDate.of(2025, 4, 1), EXPLANATION.subList(1, 2), clock.instant())))
                    .hasStackTraceContaining("JSON column rewritten: waiting_explanation");
        } finally {
            for (String column : JSON_COLUMNS.split(", ")) {
                owner.execute("drop trigger if exists test_json_rewritten_" + column + " on yibao.enrollment_case");
            }
            owner.execute("drop function yibao.test_json_rewritten()");
        }
    }

    @Test
    void aRowWhoseJsonPlainSqlWroteReadsAsBefore() {
        long id = saved(TestIds.adult());
        // today's shape (as V4/V30 and the ObjectMapper write it), with an explanation stored before the three
        // provenance states (issue #17): a boolean "confirmed" and no state
        jdbc.update("""
                update yibao.enrollment_case set verified_categories = '["ORPHAN", "MINIMUM_LIVING"]',
                  explanation = '[{"ruleId": "R-FUND-01", "clause": "[D] (二)", "text": "标准 400.00 元。",
                    "parameters": [{"path": "funding.individualStandard", "value": "400.00",
                                    "provenance": "SAMPLE — confirm locally", "confirmed": false}]}]',
                  back_payment_breakdown = '[{"year": 2024, "individualStandard": 400.00,
                    "policyVersion": "341721/2024 v1", "provenance": "SEED: [D] (二)", "state": "SEED"}]',
                  waiting_explanation = '[]'
                where id = ?""", id);

        EnrollmentCase read = tx.execute(s -> cases.findById(id).orElseThrow());

        assertThat(read.verifiedCategories()).containsExactly("ORPHAN", "MINIMUM_LIVING");
        assertThat(read.explanation())
                .containsExactly(new ExplanationStep(
                        "R-FUND-01",
                        "[D] (二)",
                        "标准 400.00 元。",
                        List.of(new ParameterUse(
                                "funding.individualStandard",
                                "400.00",
                                "SAMPLE — confirm locally",
                                ProvenanceState.SAMPLE))));
        assertThat(read.backPaymentBreakdown())
                .containsExactly(new BackPaidYear(
                        2024, new BigDecimal("400.00"), "341721/2024 v1", "SEED: [D] (二)", ProvenanceState.SEED));
        assertThat(read.waitingExplanation()).isEmpty();
    }

    @Test
    void issue16_8_aCaseLoadedIsNotParsedUntilItsExplanationIsRead() {
        long id = saved(TestIds.adult());
        // a text the application's reader refuses (a control character, issue #16 §8): only reading it parses it
        jdbc.update(
                "update yibao.enrollment_case set explanation = ?::jsonb where id = ?",
                "[{\"ruleId\": \"R-FUND-01\", \"clause\": \"x\", \"text\": \"a\\u0001b\", \"parameters\": []}]",
                id);

        change(id, c -> c.moveTo(EnrollmentStatus.IN_REVIEW, clock.instant()));
        EnrollmentCase read = tx.execute(s -> cases.findById(id).orElseThrow());

        assertThat(read.status()).isEqualTo(EnrollmentStatus.IN_REVIEW);
        assertThat(read.waitingExplanation()).isEqualTo(WAITING);
        assertThatThrownBy(read::explanation).hasStackTraceContaining("U+0001");
    }

    private long saved(String person) {
        var now = clock.instant();
        EnrollmentCase c = new EnrollmentCase(
                new Application(
                        "341721",
                        2025,
                        person,
                        "张三",
                        Residence.LOCAL_HUKOU,
                        null,
                        "尧渡镇",
                        null,
                        List.of("MINIMUM_LIVING", "EXTREME_POVERTY"),
                        null,
                        2),
                EnrollmentSource.API,
                null,
                now,
                "test");
        c.needsReview(List.of("NON_LOCAL_WITHOUT_PERMIT"), now);
        c.figures(
                new ComputedFigures(
                        List.of("MINIMUM_LIVING"),
                        "MINIMUM_LIVING",
                        new BigDecimal("400.00"),
                        new BigDecimal("400.00"),
                        new BigDecimal("0.00"),
                        new BigDecimal("1000.00"),
                        new BigDecimal("600.00"),
                        new BigDecimal("400.00"),
                        "341721/2025 v1",
                        true,
                        0,
                        0,
                        LocalDate.of(2025, 1, 1),
                        EXPLANATION,
                        WAITING),
                now);
        c.backPayment(new BigDecimal("0.00"), BACK_PAID, new BigDecimal("780.50"));
        return tx.execute(s -> cases.save(c).id());
    }

    private void change(long id, Consumer<EnrollmentCase> change) {
        tx.executeWithoutResult(s -> change.accept(cases.findById(id).orElseThrow()));
    }
}
