package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * One resident's application for one coverage year (参保登记), with the figures computed for it, the policy version
 * they came from and the explanation behind them. The process instance drives it; this row is what the office
 * lists, searches and audits. The case itself holds its identity, where it came from and the state it is in; its
 * value parts are embedded (same table, same columns): the applicant ({@link CaseApplicant}, read through
 * {@link ApplicantDetails}), the computed figures ({@link CaseFigures}, {@link FigureDetails}) and the waiting period
 * ({@link CaseWaiting}, {@link WaitingDetails}).
 */
@Entity
@Table(name = "enrollment_case")
@DynamicUpdate // each process step changes a few columns; the explanation JSON is not rewritten every time
public class EnrollmentCase implements ApplicantDetails, FigureDetails, WaitingDetails {

    /**
     * From the column's own sequence, 50 ids a call (V7): the id is known before the row is written, so a door
     * inserts the case once, already linked to its process, instead of inserting it and then updating it.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrollment_case_id")
    @SequenceGenerator(name = "enrollment_case_id", sequenceName = "enrollment_case_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "business_key", nullable = false, updatable = false)
    private String businessKey;

    @Column(name = "id_number", nullable = false, updatable = false)
    private String idNumber;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(name = "coverage_year", nullable = false, updatable = false)
    private int coverageYear;

    @Embedded
    private CaseApplicant applicant = new CaseApplicant();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EnrollmentSource source;

    @Column(name = "import_id", updatable = false)
    private Long importId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrollmentStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class) // replaced, never changed in place (see CaseApplicant)
    @Column(name = "review_reasons", nullable = false)
    private List<String> reviewReasons = List.of();

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "rejection_detail")
    private String rejectionDetail;

    @Embedded
    private CaseFigures figures = new CaseFigures();

    @Embedded
    private CaseWaiting waiting = new CaseWaiting();

    @Column(name = "payment_deadline")
    private LocalDate paymentDeadline;

    @Column(name = "township_reminded_at")
    private Instant townshipRemindedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "lock_version", nullable = false)
    private int lockVersion;

    protected EnrollmentCase() {}

    EnrollmentCase(Application application, EnrollmentSource source, Long importId, Instant now, String createdBy) {
        this.idNumber = application.idNumber();
        this.regionCode = application.regionCode();
        this.coverageYear = application.coverageYear();
        this.businessKey = EnrollmentProcess.businessKey(regionCode, coverageYear, idNumber);
        this.source = source;
        this.importId = importId;
        this.status = EnrollmentStatus.RECEIVED;
        this.createdAt = now;
        this.createdBy = createdBy;
        apply(application, now);
    }

    /** The applicant's data, at intake or after a correction. */
    void apply(Application a, Instant now) {
        applicant.apply(a);
        this.updatedAt = now;
    }

    void identity(LocalDate birthDate, String sex) {
        applicant.identity(birthDate, sex);
    }

    void moveTo(EnrollmentStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void reject(String reason, String detail, Instant now) {
        this.rejectionReason = reason;
        this.rejectionDetail = detail;
        moveTo(EnrollmentStatus.REJECTED, now);
    }

    void needsReview(List<String> reasons, Instant now) {
        this.reviewReasons = List.copyOf(reasons);
        this.updatedAt = now;
    }

    void paymentDeadline(LocalDate deadline) {
        this.paymentDeadline = deadline;
    }

    /** The payment deadline sweep signalled the township's reminder (once a case). */
    void townshipReminded(Instant now) {
        this.townshipRemindedAt = now;
    }

    /** The waiting period as recalculated with the real payment date (R-WAIT-01..05, R-ELIG-03). */
    void waiting(
            boolean exempt,
            int fixedMonths,
            int variableMonths,
            LocalDate benefitStartDate,
            List<ExplanationStep> waitingExplanation,
            Instant now) {
        waiting.set(exempt, fixedMonths, variableMonths, benefitStartDate, waitingExplanation);
        this.updatedAt = now;
    }

    /** The version number within {@link #policyVersion()} ("341721/2025 v1" → 1). */
    int policyVersionNumber() {
        return figures.policyVersionNumber();
    }

    void figures(Figures f, Instant now) {
        figures.set(f);
        waiting.set(
                f.waitingExempt(),
                f.waitingFixedMonths(),
                f.waitingVariableMonths(),
                f.benefitStartDate(),
                f.waitingExplanation());
        this.updatedAt = now;
    }

    /**
     * R-WAIT-04: the personal due becomes the current year's due plus every back-paid year (called right after
     * {@link #figures}).
     */
    void backPayment(BigDecimal currentDue, List<BackPaidYear> years, BigDecimal total) {
        figures.backPayment(currentDue, years, total);
    }

    /** R-WAIT-04: the whole back-paid years the confirmed payment covered. */
    void backPaidYearsConfirmed(int years) {
        figures.backPaidYearsConfirmed = years;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The figures of a case, as computed by the calculators. */
    record Figures(
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
            List<ExplanationStep> waitingExplanation) {}

    @Override
    public CaseApplicant applicant() {
        return applicant;
    }

    @Override
    public CaseFigures computedFigures() {
        return figures;
    }

    @Override
    public CaseWaiting waitingPeriod() {
        return waiting;
    }

    public Long id() {
        return id;
    }

    public String businessKey() {
        return businessKey;
    }

    public String idNumber() {
        return idNumber;
    }

    public String regionCode() {
        return regionCode;
    }

    public int coverageYear() {
        return coverageYear;
    }

    public EnrollmentSource source() {
        return source;
    }

    public Long importId() {
        return importId;
    }

    public EnrollmentStatus status() {
        return status;
    }

    public List<String> reviewReasons() {
        return Collections.unmodifiableList(reviewReasons);
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public String rejectionDetail() {
        return rejectionDetail;
    }

    public LocalDate paymentDeadline() {
        return paymentDeadline;
    }

    public Instant townshipRemindedAt() {
        return townshipRemindedAt;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
