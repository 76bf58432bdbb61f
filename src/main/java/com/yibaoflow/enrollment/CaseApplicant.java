package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Residence;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * Who applies, as the case holds it: the applicant's data at intake or after a correction, and the birth date and sex
 * the identity check read from the ID number. Columns of {@code enrollment_case}; read through {@link ApplicantDetails}.
 */
@Embeddable
class CaseApplicant {

    @Column(nullable = false)
    String name;

    @Column(name = "birth_date")
    LocalDate birthDate;

    String sex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Residence residence;

    @Column(name = "residence_permit_number")
    String residencePermitNumber;

    @Column(nullable = false)
    String township;

    String phone;

    // The JSON lists are replaced, never changed in place (the getters hand out read-only views): declared
    // immutable, Hibernate keeps no deep copy of each of them (a JSON write and read) at every load and persist.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "claimed_categories", nullable = false)
    List<String> claimedCategories = List.of();

    @Column(name = "payer_id_number")
    String payerIdNumber;

    @Column(name = "payer_name")
    String payerName;

    @Column(name = "payer_relationship")
    String payerRelationship;

    @Column(name = "paid_back_years", nullable = false)
    int paidBackYears;

    void apply(Application a) {
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
    }

    void identity(LocalDate birthDate, String sex) {
        this.birthDate = birthDate;
        this.sex = sex;
    }
}
