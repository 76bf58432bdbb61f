package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.Residence;
import jakarta.persistence.Column;
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
 * lists, searches and audits.
 */
@Entity
@Table(name = "enrollment_case")
@DynamicUpdate // each process step changes a few columns; the explanation JSON is not rewritten every time
public class EnrollmentCase {

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

    @Column(nullable = false)
    private String name;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String sex;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(name = "coverage_year", nullable = false, updatable = false)
    private int coverageYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Residence residence;

    @Column(name = "residence_permit_number")
    private String residencePermitNumber;

    @Column(nullable = false)
    private String township;

    private String phone;
    // The JSON lists are replaced, never changed in place (the getters hand out read-only views): declared
    // immutable, Hibernate keeps no deep copy of each of them (a JSON write and read) at every load and persist.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "claimed_categories", nullable = false)
    private List<String> claimedCategories = List.of();

    @Column(name = "payer_id_number")
    private String payerIdNumber;

    @Column(name = "payer_name")
    private String payerName;

    @Column(name = "payer_relationship")
    private String payerRelationship;

    @Column(name = "paid_back_years", nullable = false)
    private int paidBackYears;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EnrollmentSource source;

    @Column(name = "import_id", updatable = false)
    private Long importId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrollmentStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "review_reasons", nullable = false)
    private List<String> reviewReasons = List.of();

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "rejection_detail")
    private String rejectionDetail;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "verified_categories", nullable = false)
    private List<String> verifiedCategories = List.of();

    @Column(name = "applied_category")
    private String appliedCategory;

    @Column(name = "individual_standard")
    private BigDecimal individualStandard;

    private BigDecimal subsidy;

    @Column(name = "personal_due")
    private BigDecimal personalDue;

    @Column(name = "fiscal_subsidy")
    private BigDecimal fiscalSubsidy;

    @Column(name = "central_fiscal_share")
    private BigDecimal centralFiscalShare;

    @Column(name = "local_fiscal_share")
    private BigDecimal localFiscalShare;

    @Column(name = "policy_version")
    private String policyVersion;

    @Column(name = "waiting_exempt")
    private Boolean waitingExempt;

    @Column(name = "waiting_fixed_months")
    private Integer waitingFixedMonths;

    @Column(name = "waiting_variable_months")
    private Integer waitingVariableMonths;

    @Column(name = "benefit_start_date")
    private LocalDate benefitStartDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    private List<ExplanationStep> explanation = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "waiting_explanation", nullable = false)
    private List<ExplanationStep> waitingExplanation = List.of();

    // ---- R-WAIT-04 back-payment charged (issue #17 item 1) ----

    @Column(name = "current_year_due")
    private BigDecimal currentYearDue;

    @Column(name = "back_payment_due", nullable = false)
    private BigDecimal backPaymentDue = BigDecimal.ZERO.setScale(2);

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "back_payment_breakdown", nullable = false)
    private List<BackPaidYear> backPaymentBreakdown = List.of();

    @Column(name = "back_paid_years_confirmed")
    private Integer backPaidYearsConfirmed;

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
        this.name = a.name();
        this.residence = a.residence();
        this.residencePermitNumber = a.residencePermitNumber();
        this.township = a.township();
        this.phone = a.phone();
        this.claimedCategories = List.copyOf(a.claimedCategories());
        this.payerIdNumber = a.payer() == null ? null : a.payer().idNumber();
        this.payerName = a.payer() == null ? null : a.payer().name();
        this.payerRelationship =
                a.payer() == null ? null : a.payer().relationship().name();
        this.paidBackYears = a.paidBackYears();
        this.updatedAt = now;
    }

    void identity(LocalDate birthDate, String sex) {
        this.birthDate = birthDate;
        this.sex = sex;
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
        this.waitingExempt = exempt;
        this.waitingFixedMonths = fixedMonths;
        this.waitingVariableMonths = variableMonths;
        this.benefitStartDate = benefitStartDate;
        this.waitingExplanation = List.copyOf(waitingExplanation);
        this.updatedAt = now;
    }

    /** The version number within {@link #policyVersion()} ("341721/2025 v1" → 1). */
    int policyVersionNumber() {
        return Integer.parseInt(policyVersion.substring(policyVersion.lastIndexOf(" v") + 2));
    }

    void figures(Figures f, Instant now) {
        this.verifiedCategories = List.copyOf(f.verifiedCategories());
        this.appliedCategory = f.appliedCategory();
        this.individualStandard = f.individualStandard();
        this.subsidy = f.subsidy();
        this.personalDue = f.personalDue();
        this.fiscalSubsidy = f.fiscalSubsidy();
        this.centralFiscalShare = f.centralFiscalShare();
        this.localFiscalShare = f.localFiscalShare();
        this.policyVersion = f.policyVersion();
        this.waitingExempt = f.waitingExempt();
        this.waitingFixedMonths = f.waitingFixedMonths();
        this.waitingVariableMonths = f.waitingVariableMonths();
        this.benefitStartDate = f.benefitStartDate();
        this.explanation = List.copyOf(f.explanation());
        this.waitingExplanation = List.copyOf(f.waitingExplanation());
        this.updatedAt = now;
    }

    /**
     * R-WAIT-04: the personal due becomes the current year's due plus every back-paid year (called right after
     * {@link #figures}).
     */
    void backPayment(BigDecimal currentDue, List<BackPaidYear> years, BigDecimal total) {
        this.currentYearDue = currentDue;
        this.backPaymentBreakdown = List.copyOf(years);
        this.backPaymentDue = total;
        this.personalDue = currentDue.add(total);
    }

    /** R-WAIT-04: the whole back-paid years the confirmed payment covered. */
    void backPaidYearsConfirmed(int years) {
        this.backPaidYearsConfirmed = years;
    }

    /** The coverage year's own personal due, without back-payment. */
    public BigDecimal currentYearDue() {
        return currentYearDue != null ? currentYearDue : personalDue;
    }

    public BigDecimal backPaymentDue() {
        return backPaymentDue;
    }

    public List<BackPaidYear> backPaymentBreakdown() {
        return Collections.unmodifiableList(backPaymentBreakdown);
    }

    /** {@code null} until a payment was confirmed and the coverage activated. */
    public Integer backPaidYearsConfirmed() {
        return backPaidYearsConfirmed;
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

    public Long id() {
        return id;
    }

    public String businessKey() {
        return businessKey;
    }

    public String idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String sex() {
        return sex;
    }

    public String regionCode() {
        return regionCode;
    }

    public int coverageYear() {
        return coverageYear;
    }

    public Residence residence() {
        return residence;
    }

    public String residencePermitNumber() {
        return residencePermitNumber;
    }

    public String township() {
        return township;
    }

    public String phone() {
        return phone;
    }

    public List<String> claimedCategories() {
        return Collections.unmodifiableList(claimedCategories);
    }

    public String payerIdNumber() {
        return payerIdNumber;
    }

    public String payerName() {
        return payerName;
    }

    public String payerRelationship() {
        return payerRelationship;
    }

    public int paidBackYears() {
        return paidBackYears;
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

    public List<String> verifiedCategories() {
        return Collections.unmodifiableList(verifiedCategories);
    }

    public String appliedCategory() {
        return appliedCategory;
    }

    public BigDecimal individualStandard() {
        return individualStandard;
    }

    public BigDecimal subsidy() {
        return subsidy;
    }

    public BigDecimal personalDue() {
        return personalDue;
    }

    public BigDecimal fiscalSubsidy() {
        return fiscalSubsidy;
    }

    public BigDecimal centralFiscalShare() {
        return centralFiscalShare;
    }

    public BigDecimal localFiscalShare() {
        return localFiscalShare;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public Boolean waitingExempt() {
        return waitingExempt;
    }

    public Integer waitingFixedMonths() {
        return waitingFixedMonths;
    }

    public Integer waitingVariableMonths() {
        return waitingVariableMonths;
    }

    public LocalDate benefitStartDate() {
        return benefitStartDate;
    }

    public List<ExplanationStep> explanation() {
        return Collections.unmodifiableList(explanation);
    }

    public List<ExplanationStep> waitingExplanation() {
        return Collections.unmodifiableList(waitingExplanation);
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
