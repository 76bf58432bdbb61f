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
import java.util.List;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One resident's application for one coverage year (参保登记), with the figures computed for it, the policy version
 * they came from and the explanation behind them. The process instance drives it; this row is what the office
 * lists, searches and audits. The case itself holds its identity and the state it is in; its value parts are
 * embedded (same table, same columns), each read through an interface: where it came from ({@link CaseOrigin},
 * {@link OriginDetails}), the applicant ({@link CaseApplicant}, {@link ApplicantDetails}), the computed figures
 * ({@link CaseFigures}, {@link FigureDetails}), the waiting period ({@link CaseWaiting}, {@link WaitingDetails}), why
 * it was reviewed or rejected ({@link CaseReview}, {@link ReviewDetails}) and when its contribution is due ({@link
 * CasePaymentDue}, {@link PaymentDueDetails}).
 */
@Entity
@Table(name = "enrollment_case")
@DynamicUpdate // each process step changes a few columns; the explanation JSON is not rewritten every time
public class EnrollmentCase
        implements ApplicantDetails, OriginDetails, FigureDetails, WaitingDetails, ReviewDetails, PaymentDueDetails {

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

    @Embedded
    private CaseOrigin origin = new CaseOrigin();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrollmentStatus status;

    @Embedded
    private CaseReview review = new CaseReview();

    @Embedded
    private CaseFigures figures = new CaseFigures();

    @Embedded
    private CaseWaiting waiting = new CaseWaiting();

    // not in CaseFigures: @DynamicUpdate writes all of an embeddable's columns (its JSON too) if one changed
    @Column(name = "back_paid_years_confirmed")
    private Integer backPaidYearsConfirmed;

    @Embedded
    private CasePaymentDue paymentDue = new CasePaymentDue();

    @Column(name = "process_instance_id")
    private String processInstanceId;

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
        this.origin = new CaseOrigin(source, importId, now, createdBy);
        this.status = EnrollmentStatus.RECEIVED;
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
        review.rejected(reason, detail);
        moveTo(EnrollmentStatus.REJECTED, now);
    }

    void needsReview(List<String> reasons, Instant now) {
        review.reasons(reasons);
        this.updatedAt = now;
    }

    void paymentDeadline(LocalDate deadline) {
        paymentDue().paymentDeadline = deadline;
    }

    /** The payment deadline sweep signalled the township's reminder (once a case). */
    void townshipReminded(Instant now) {
        paymentDue().townshipRemindedAt = now;
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

    void figures(ComputedFigures f, Instant now) {
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
        this.backPaidYearsConfirmed = years;
    }

    void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    @Override
    public CaseApplicant applicant() {
        return applicant;
    }

    @Override
    public CaseFigures computedFigures() {
        return figures;
    }

    @Override
    public Integer backPaidYearsConfirmed() {
        return backPaidYearsConfirmed;
    }

    @Override
    public CaseWaiting waitingPeriod() {
        return waiting;
    }

    @Override
    public CaseOrigin origin() {
        return origin;
    }

    @Override
    public CaseReview review() {
        return review;
    }

    @Override
    public CasePaymentDue paymentDue() {
        if (paymentDue == null) { // Hibernate loads an embeddable whose columns are all null as null
            paymentDue = new CasePaymentDue();
        }
        return paymentDue;
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

    public EnrollmentStatus status() {
        return status;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
