package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.Residence;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

/** The applicant of an {@link EnrollmentCase}, read-only ({@link CaseApplicant} holds it). */
public interface ApplicantDetails {

    /** The part of the case these details read. */
    CaseApplicant applicant();

    default String name() {
        return applicant().name;
    }

    default LocalDate birthDate() {
        return applicant().birthDate;
    }

    default String sex() {
        return applicant().sex;
    }

    default Residence residence() {
        return applicant().residence;
    }

    default String residencePermitNumber() {
        return applicant().residencePermitNumber;
    }

    default String township() {
        return applicant().township;
    }

    default String phone() {
        return applicant().phone;
    }

    default List<String> claimedCategories() {
        return Collections.unmodifiableList(applicant().claimedCategories());
    }

    default String payerIdNumber() {
        return applicant().payerIdNumber;
    }

    default String payerName() {
        return applicant().payerName;
    }

    default String payerRelationship() {
        return applicant().payerRelationship;
    }

    default int paidBackYears() {
        return applicant().paidBackYears;
    }
}
