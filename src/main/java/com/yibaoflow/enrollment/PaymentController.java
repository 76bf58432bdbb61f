package com.yibaoflow.enrollment;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment confirmations from the tax bureau (issue #4 §7) and the overpayments it is to refund (issue #16 §4). */
@RestController
@Tag(name = "Payments", description = "缴费确认: confirmations from the tax bureau, overpayments to refund")
class PaymentController {

    private final PaymentService payments;
    private final Payments records;
    private final RegionScope regions;

    PaymentController(PaymentService payments, Payments records, RegionScope regions) {
        this.payments = payments;
        this.records = records;
        this.regions = regions;
    }

    record PaymentRequest(
            @NotBlank(message = "is required, at most 64 characters")
            @Size(max = 64, message = "is required, at most 64 characters")
            String paymentReference,

            @NotBlank(message = "is required") String idNumber,
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") Integer coverageYear,
            @NotNull(message = "is required") BigDecimal amount,

            @NotNull(message = "is required (WECHAT, ALIPAY, WANSHITONG, AGENT, TAX_HALL)")
            Payment.Channel channel,

            @NotNull(message = "is required (ISO date-time with offset)")
            OffsetDateTime paidAt) {}

    record PaymentAnswer(String paymentReference, Long caseId, String outcome, BigDecimal amount, String detail) {}

    @PostMapping("/api/payments")
    @PreAuthorize("hasAnyRole('tax', 'camunda-admin')")
    @Operation(
            summary = "Payment confirmation (R-PAY): idempotent by reference; wrong amount → 422, no case → 404, "
                    + "a second payment of a paid case → 409, kept as an overpayment to refund")
    ResponseEntity<PaymentAnswer> pay(@Valid @RequestBody PaymentRequest request) {
        Payment p = payments.confirm(new PaymentService.Confirmation(
                request.paymentReference().strip(),
                request.idNumber().strip().toUpperCase(),
                request.regionCode().strip(),
                request.coverageYear(),
                request.amount(),
                request.channel(),
                request.paidAt().toInstant()));
        Map<String, Object> facts = Map.of(
                "paymentReference",
                p.paymentReference(),
                "caseId",
                p.caseId(),
                "outcome",
                p.outcome().name());
        switch (p.outcome()) {
            case WRONG_AMOUNT ->
                throw new DomainException(
                        DomainException.Kind.RULE_VIOLATION,
                        "R-PAY: " + p.detail() + "; the case keeps waiting",
                        List.of(new FieldError("amount", p.detail())),
                        facts);
            case OVERPAID ->
                throw DomainException.conflict(
                        p.detail() + "; recorded as an overpayment for the tax bureau to refund", facts);
            case ACCEPTED -> {
                // the answer below
            }
        }
        return ResponseEntity.ok(
                new PaymentAnswer(p.paymentReference(), p.caseId(), p.outcome().name(), p.amount(), p.detail()));
    }

    record Overpayment(
            String paymentReference,
            Long caseId,
            String idNumber,
            String regionCode,
            int coverageYear,
            BigDecimal amount,
            Payment.Channel channel,
            Instant paidAt,
            Instant receivedAt,
            String detail) {}

    @GetMapping("/api/payments/overpayments")
    @PreAuthorize("hasAnyRole('tax', 'medical-security-supervisors', 'auditors', 'camunda-admin')")
    @Operation(summary = "Payments to refund (a second payment of a case already paid), by region and coverage year")
    List<Overpayment> overpayments(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer coverageYear,
            @AuthenticationPrincipal StaffPrincipal principal) {
        if (regionCode == null || regionCode.isBlank()) {
            throw DomainException.invalidField("regionCode", "is required");
        }
        if (coverageYear == null) {
            throw DomainException.invalidField("coverageYear", "is required");
        }
        regions.requireVisible(principal, regionCode, "Region " + regionCode);
        return records
                .findByRegionCodeAndCoverageYearAndOutcomeOrderByReceivedAt(
                        regionCode, coverageYear, Payment.Outcome.OVERPAID)
                .stream()
                .map(p -> new Overpayment(
                        p.paymentReference(),
                        p.caseId(),
                        p.idNumber(),
                        p.regionCode(),
                        p.coverageYear(),
                        p.amount(),
                        p.channel(),
                        p.paidAt(),
                        p.receivedAt(),
                        p.detail()))
                .toList();
    }
}
