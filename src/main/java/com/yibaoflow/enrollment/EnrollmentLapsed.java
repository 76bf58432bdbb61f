package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.SystemCaseEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The payment deadline passed unpaid: the application lapsed and may be made again. */
public record EnrollmentLapsed(
        UUID eventId,
        Instant occurredAt,
        String businessKey,
        String name,
        String idNumberMasked,
        String regionCode,
        String township,
        int coverageYear,
        LocalDate paymentDeadline)
        implements SystemCaseEvent {

    @Override
    public String ruleId() {
        return null;
    }

    @Override
    public String kind() {
        return "LAPSED";
    }

    @Override
    public String summary() {
        return "截至 " + paymentDeadline + " 未缴费，参保登记失效";
    }
}
