package com.yibaoflow.enrollment;

import com.yibaoflow.audit.CaseHistory;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.shared.id.ResidentIdNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** A case as the API shows it: state, figures with their explanation, payments, coverage and open tasks. */
record EnrollmentView(
        Long id,
        String businessKey,
        String idNumber,
        String name,
        LocalDate birthDate,
        String sex,
        String regionCode,
        int coverageYear,
        String residence,
        String residencePermitNumber,
        String township,
        String phone,
        List<String> claimedCategories,
        Payer payer,
        int paidBackYears,
        String source,
        EnrollmentStatus status,
        List<String> reviewReasons,
        String rejectionReason,
        String rejectionDetail,
        Figures figures,
        LocalDate paymentDeadline,
        List<PaymentView> payments,
        CoverageView coverage,
        List<OpenTask> openTasks,
        List<CaseHistory.Entry> history,
        List<NotificationEntry> notifications,
        String processInstanceId,
        Instant createdAt,
        String createdBy,
        Instant updatedAt) {

    /** A reminder or escalation sent about the case. */
    public record NotificationEntry(
            String recipientGroup, String township, String subject, String body, Instant createdAt) {}

    public record Payer(String idNumber, String name, String relationship) {}

    public record Figures(
            List<String> verifiedCategories,
            String appliedCategory,
            BigDecimal individualStandard,
            BigDecimal subsidy,
            BigDecimal personalDue,
            BigDecimal fiscalSubsidy,
            BigDecimal centralFiscalShare,
            BigDecimal localFiscalShare,
            String policyVersion,
            Boolean waitingExempt,
            Integer waitingFixedMonths,
            Integer waitingVariableMonths,
            LocalDate benefitStartDate,
            List<ExplanationStep> explanation,
            List<ExplanationStep> waitingExplanation,
            // R-WAIT-04 (issue #17 item 1): personalDue = currentYearDue + backPaymentDue
            BigDecimal currentYearDue,
            BigDecimal backPaymentDue,
            List<BackPaidYear> backPaymentBreakdown,
            Integer backPaidYearsConfirmed,
            // issue #17 item 2: figure field → the parameters it was computed from, with their provenance state
            Map<String, List<FigureSource>> provenance) {}

    public record PaymentView(
            String paymentReference,
            BigDecimal amount,
            String channel,
            Instant paidAt,
            Instant receivedAt,
            String outcome,
            String detail) {
        static PaymentView of(Payment p) {
            return new PaymentView(
                    p.paymentReference(),
                    p.amount(),
                    p.channel().name(),
                    p.paidAt(),
                    p.receivedAt(),
                    p.outcome().name(),
                    p.detail());
        }
    }

    public record CoverageView(
            Long id,
            String appliedCategory,
            BigDecimal individualStandard,
            BigDecimal subsidy,
            BigDecimal personalPaid,
            String paymentReference,
            LocalDate benefitStartDate,
            LocalDate benefitEndDate,
            boolean coveredFromBirth,
            String policyVersion,
            Map<String, List<FigureSource>> provenance) {
        static CoverageView of(Coverage c, EnrollmentCase of) {
            return new CoverageView(
                    c.id(),
                    c.appliedCategory(),
                    c.individualStandard(),
                    c.subsidy(),
                    c.personalPaid(),
                    c.paymentReference(),
                    c.benefitStartDate(),
                    c.benefitEndDate(),
                    c.coveredFromBirth(),
                    c.policyVersion(),
                    CaseProvenance.coverage(of));
        }
    }

    public record OpenTask(
            String id,
            String name,
            String taskDefinitionKey,
            String processDefinitionKey,
            String assignee,
            List<String> candidateGroups,
            Date created,
            Date due) {}

    /** One row of a listing: who, where, which state; the ID number masked. */
    public record Summary(
            Long id,
            String businessKey,
            String idNumberMasked,
            String name,
            String regionCode,
            int coverageYear,
            String township,
            EnrollmentStatus status,
            BigDecimal personalDue,
            String appliedCategory,
            Instant updatedAt) {
        static Summary of(EnrollmentCase c) {
            return new Summary(
                    c.id(),
                    c.businessKey(),
                    ResidentIdNumber.mask(c.idNumber()),
                    c.name(),
                    c.regionCode(),
                    c.coverageYear(),
                    c.township(),
                    c.status(),
                    c.personalDue(),
                    c.appliedCategory(),
                    c.updatedAt());
        }
    }

    static EnrollmentView of(
            EnrollmentCase c,
            List<Payment> payments,
            Coverage coverage,
            List<OpenTask> tasks,
            List<CaseHistory.Entry> history,
            List<NotificationEntry> notifications) {
        return new EnrollmentView(
                c.id(),
                c.businessKey(),
                c.idNumber(),
                c.name(),
                c.birthDate(),
                c.sex(),
                c.regionCode(),
                c.coverageYear(),
                c.residence().name(),
                c.residencePermitNumber(),
                c.township(),
                c.phone(),
                c.claimedCategories(),
                c.payerIdNumber() == null ? null : new Payer(c.payerIdNumber(), c.payerName(), c.payerRelationship()),
                c.paidBackYears(),
                c.source().name(),
                c.status(),
                c.reviewReasons(),
                c.rejectionReason(),
                c.rejectionDetail(),
                new Figures(
                        c.verifiedCategories(),
                        c.appliedCategory(),
                        c.individualStandard(),
                        c.subsidy(),
                        c.personalDue(),
                        c.fiscalSubsidy(),
                        c.centralFiscalShare(),
                        c.localFiscalShare(),
                        c.policyVersion(),
                        c.waitingExempt(),
                        c.waitingFixedMonths(),
                        c.waitingVariableMonths(),
                        c.benefitStartDate(),
                        c.explanation(),
                        c.waitingExplanation(),
                        c.currentYearDue(),
                        c.backPaymentDue(),
                        c.backPaymentBreakdown(),
                        c.backPaidYearsConfirmed(),
                        CaseProvenance.figures(c)),
                c.paymentDeadline(),
                payments.stream().map(PaymentView::of).toList(),
                coverage == null ? null : CoverageView.of(coverage, c),
                tasks,
                history,
                notifications,
                c.processInstanceId(),
                c.createdAt(),
                c.createdBy(),
                c.updatedAt());
    }
}
