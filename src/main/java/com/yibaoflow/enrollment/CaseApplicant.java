package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.json.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Mutability;
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
    // immutable, Hibernate keeps no copy of them; JsonText parses one only when read, writes it only when replaced.
    @Mutability(Immutability.class)
    @ColumnTransformer(write = JsonText.AS_JSONB)
    @Column(name = "claimed_categories", nullable = false)
    JsonText claimedCategories = CaseJson.none(CaseJson.CODES);

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
        this.claimedCategories = CaseJson.set(claimedCategories, a.claimedCategories(), CaseJson.CODES);
        this.payerIdNumber = a.payer() == null ? null : a.payer().idNumber();
        this.payerName = a.payer() == null ? null : a.payer().name();
        this.payerRelationship =
                a.payer() == null ? null : a.payer().relationship().name();
        this.paidBackYears = a.paidBackYears();
    }

    List<String> claimedCategories() {
        return claimedCategories.value(CaseJson.CODES);
    }

    void identity(LocalDate birthDate, String sex) {
        this.birthDate = birthDate;
        this.sex = sex;
    }
}
