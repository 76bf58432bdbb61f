package com.yibaoflow.enrollment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EnrollmentCases extends JpaRepository<EnrollmentCase, Long> {

    /**
     * The cases waiting for payment that the payment deadline sweep has to signal, after a case id and in id order
     * (a sweep pages through them): the deadline has passed (lapse), or it is near enough and the township has not
     * been reminded yet, and no accepted payment is on its way to the process (PaymentCorrelations): a paid case
     * neither lapses nor is reminded. Uses {@code enrollment_case_awaiting_payment_idx} (V9).
     */
    @Query("""
            select c from EnrollmentCase c
            where c.status = 'AWAITING_PAYMENT' and c.paymentDue.paymentDeadline <= :remindUpTo and c.id > :afterId
              and (c.paymentDue.paymentDeadline < :today or c.paymentDue.townshipRemindedAt is null)
              and not exists (select 1 from Payment p where p.caseId = c.id and p.outcome = 'ACCEPTED')
            order by c.id
            """)
    List<EnrollmentCase> dueForPaymentDeadlineSweep(
            java.time.LocalDate today, java.time.LocalDate remindUpTo, long afterId, Pageable page);

    /**
     * The case a process instance runs (the row is linked in the transaction that starts the process). Written as
     * JPQL: a derived query is a criteria query, which Hibernate translates anew on every call (a hot path: every
     * step after a wait state asks; docs/benchmarks.md).
     */
    @Query("select c from EnrollmentCase c where c.processInstanceId = ?1")
    Optional<EnrollmentCase> findByProcessInstanceId(String processInstanceId);

    /**
     * The live case of a person and year (R-ELIG-02: RECEIVED, IN_REVIEW, AWAITING_PAYMENT or ENROLLED). The statuses
     * are written into the query, not passed as a list, so Hibernate caches its SQL: it runs on every intake.
     */
    @Query("select c from EnrollmentCase c where c.idNumber = ?1 and c.coverageYear = ?2 "
            + "and c.status not in ('REJECTED', 'LAPSED', 'WITHDRAWN')")
    Optional<EnrollmentCase> findLive(String idNumber, int coverageYear);

    @Query("select c from EnrollmentCase c where c.idNumber in ?1 and c.coverageYear = ?2 "
            + "and c.status not in ('REJECTED', 'LAPSED', 'WITHDRAWN')")
    List<EnrollmentCase> findLive(Collection<String> idNumbers, int coverageYear);

    @Query("""
            select c from EnrollmentCase c
            where c.regionCode in :regions
              and (:coverageYear is null or c.coverageYear = :coverageYear)
              and (:township is null or c.applicant.township = :township)
              and (:status is null or c.status = :status)
            """)
    Page<EnrollmentCase> search(
            Collection<String> regions,
            Integer coverageYear,
            String township,
            EnrollmentStatus status,
            Pageable pageable);
}
