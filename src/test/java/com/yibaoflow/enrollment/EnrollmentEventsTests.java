package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.yibaoflow.shared.events.CaseEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enrollment's events as the case history and the event publication registry see them: the codes and Chinese
 * summaries the case history showed before they became events, and a Jackson round trip (the registry stores them
 * as JSON until their listeners have succeeded).
 */
class EnrollmentEventsTests {

    static final String KEY = "ENR-341721-2025-340101199001011234";
    static final Instant AT = Instant.parse("2024-11-15T02:00:00Z");

    final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void eachCaseEventHasTheCodeAndSummaryTheCaseHistoryShows() {
        assertThat(new ReviewDecided(CaseEvent.newId(), AT, KEY, "REJECT", "OTHER", "材料不全", "caseworker-user"))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("REVIEW_REJECT");
                    assertThat(e.summary()).isEqualTo("审核不予参保（OTHER）；审核意见：材料不全");
                    assertThat(e.actor()).isEqualTo("caseworker-user");
                });
        assertThat(new ReviewDecided(CaseEvent.newId(), AT, KEY, "APPROVE", null, null, "u").summary())
                .isEqualTo("审核批准参保");
        assertThat(new EnrollmentRejected(CaseEvent.newId(), AT, KEY, "EMPLOYEE_INSURED", "同期已参保"))
                .satisfies(e -> {
                    assertThat(e.ruleId()).isEqualTo("R-ELIG-02");
                    assertThat(e.kind()).isEqualTo("REJECTED");
                    assertThat(e.summary()).isEqualTo("不予参保（EMPLOYEE_INSURED）：同期已参保");
                });
        assertThat(new EnrollmentRejected(CaseEvent.newId(), AT, KEY, "INVALID_IDENTITY", null).ruleId())
                .isNull();
        assertThat(new EnrollmentLapsed(
                                CaseEvent.newId(),
                                AT,
                                KEY,
                                "张三",
                                "3401**********1234",
                                "341721",
                                "尧渡镇",
                                2025,
                                LocalDate.of(2024, 12, 31))
                        .summary())
                .isEqualTo("截至 2024-12-31 未缴费，参保登记失效");
        assertThat(new PaymentAmountMismatched(
                        CaseEvent.newId(), AT, KEY, "TAX-1", new BigDecimal("40.00"), new BigDecimal("400.00")))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("PAYMENT_WRONG_AMOUNT");
                    assertThat(e.actor()).isEqualTo("tax-bureau");
                    assertThat(e.summary()).isEqualTo("税务缴费确认 TAX-1 金额 40.00 元与应缴 400.00 元不符，继续等待缴费");
                });
        assertThat(new ReviewEscalated(CaseEvent.newId(), AT, KEY, "张三", "3401**********1234", "341721", 2025, 3, null)
                        .summary())
                .isEqualTo("审核超过3个工作日未办结，已升级至主管");
    }

    @Test
    void everyEventSurvivesTheRegistrysJsonRoundTrip() throws Exception {
        List<Object> events = List.of(
                new ReviewDecided(CaseEvent.newId(), AT, KEY, "SEND_BACK", null, "请补充居住证", "caseworker-user"),
                new ReviewEscalated(
                        CaseEvent.newId(), AT, KEY, "张三", "3401**********1234", "341721", 2025, 3, "caseworker-user"),
                new EnrollmentLapsed(
                        CaseEvent.newId(),
                        AT,
                        KEY,
                        "张三",
                        "3401**********1234",
                        "341721",
                        "尧渡镇",
                        2025,
                        LocalDate.of(2024, 12, 31)),
                new EnrollmentRejected(CaseEvent.newId(), AT, KEY, "ENROLLED_ELSEWHERE", "已在统筹地区340102参保"),
                new EnrollmentWithdrawn(CaseEvent.newId(), AT, KEY, "medical-security-user"),
                new PaymentAmountMismatched(
                        CaseEvent.newId(), AT, KEY, "TAX-1", new BigDecimal("40.00"), new BigDecimal("400.00")),
                new CoverageActivated(
                        CaseEvent.newId(),
                        AT,
                        KEY,
                        "R-WAIT-05",
                        "参保成功：个人缴费 400.00 元",
                        "340101199001011234",
                        "341721",
                        2025),
                new PaymentReminderDue(
                        KEY,
                        "张三",
                        "3401**********1234",
                        "341721",
                        "尧渡镇",
                        2025,
                        new BigDecimal("400.00"),
                        LocalDate.of(2024, 12, 31)));
        for (Object event : events) {
            String stored = json.writeValueAsString(event);
            assertThat(stored).contains("\"businessKey\":\"" + KEY + "\"");
            assertThat(json.readValue(stored, event.getClass())).isEqualTo(event);
        }
    }
}
