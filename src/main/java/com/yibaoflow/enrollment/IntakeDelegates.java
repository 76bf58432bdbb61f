package com.yibaoflow.enrollment;

import static com.yibaoflow.enrollment.EnrollmentProcess.*;
import static com.yibaoflow.enrollment.StepVariables.caseRef;
import static com.yibaoflow.enrollment.StepVariables.gate;
import static com.yibaoflow.shared.process.ProcessVariables.flag;
import static com.yibaoflow.shared.process.ProcessVariables.integer;
import static com.yibaoflow.shared.process.ProcessVariables.string;
import static com.yibaoflow.shared.process.ProcessVariables.strings;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates of {@code processes/enrollment.bpmn} from registration to the figures (docs/process-contracts.md).
 * Thin by design: each reads its typed values, calls one service and writes the variables the next gateway or form
 * reads.
 */
@Configuration(proxyBeanMethods = false)
class IntakeDelegates {

    @Bean
    JavaDelegate registerEnrollmentCase(CaseRegistration registration) {
        return execution -> {
            CaseRegistration.StartForm form = new CaseRegistration.StartForm(
                    string(execution, ID_NUMBER),
                    string(execution, REGION_CODE),
                    integer(execution, COVERAGE_YEAR),
                    string(execution, NAME),
                    string(execution, RESIDENCE),
                    string(execution, RESIDENCE_PERMIT_NUMBER),
                    string(execution, TOWNSHIP),
                    string(execution, PHONE),
                    strings(execution, CLAIMED_CATEGORIES));
            try {
                registration.register(caseRef(execution), form).ifPresent(registered -> {
                    execution.setProcessBusinessKey(registered.businessKey());
                    execution.setVariable(CASE_ID, registered.caseId());
                    execution.setVariable(ID_NUMBER, registered.idNumber());
                    execution.setVariable(ID_NUMBER_MASKED, registered.idNumberMasked());
                    execution.setVariable(CLAIMED_CATEGORIES, registered.claimedCategories());
                });
            } catch (CaseRegistration.DuplicateEnrollment e) {
                throw new BpmnError(ERROR_DUPLICATE_ENROLLMENT, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ProcessEngineException(e.getMessage(), e);
            }
        };
    }

    @Bean
    JavaDelegate checkEnrollmentIdentity(IdentityCheck identity) {
        return execution -> {
            var rejection = identity.check(caseRef(execution));
            rejection.ifPresent(r -> StepVariables.reject(execution, r));
            gate(execution, IDENTITY_VALID, rejection.isEmpty());
        };
    }

    @Bean
    JavaDelegate checkEnrollmentEligibility(EligibilityCheck eligibility) {
        return execution -> {
            EligibilityCheck.Eligibility e = eligibility.check(caseRef(execution));
            if (e.rejection() != null) {
                gate(execution, ELIGIBLE, false);
                gate(execution, NEEDS_REVIEW, false);
                gate(execution, HAS_HARDSHIP_CLAIMS, false);
                StepVariables.reject(execution, e.rejection());
                return;
            }
            gate(execution, ELIGIBLE, true);
            if (e.needsReview()) {
                execution.setVariable(
                        REVIEW_REASONS,
                        String.join(
                                "；",
                                e.reviewReasons().stream()
                                        .map(ReviewReason::chineseText)
                                        .toList()));
                execution.setVariable(REVIEW_DUE_DATE, e.reviewDue());
            }
            gate(execution, HAS_HARDSHIP_CLAIMS, e.hasClaims());
            // the calculation step reads it in this transaction, or after the hardship call's wait states
            gate(execution, NEEDS_REVIEW, e.needsReview(), e.hasClaims());
            if (e.hasClaims()) {
                execution.setVariable(HARDSHIP_CLAIMS, e.claims());
                execution.setVariable(CASE_ID, e.caseId()); // the hardship call's enrollmentCaseId
            }
            if (e.applicant() != null) {
                StepVariables.applicant(execution, e.applicant());
            }
        };
    }

    @Bean
    JavaDelegate calculateEnrollmentFigures(ContributionCalculation calculation) {
        return execution -> {
            boolean needsReview = flag(execution, NEEDS_REVIEW);
            ContributionCalculation.Calculated figures =
                    calculation.calculate(caseRef(execution), strings(execution, VERIFIED_CATEGORIES), needsReview);
            gate(execution, PERSONAL_DUE_IS_ZERO, figures.personalDueIsZero(), needsReview); // read after review
            if (needsReview) { // shown in the review form; the case row keeps every figure in any case
                execution.setVariable(PERSONAL_DUE, figures.personalDue());
                execution.setVariable(POLICY_VERSION, figures.policyVersion());
                execution.setVariable(BACK_PAYMENT, figures.backPayment());
                execution.setVariable(PERSONAL_DUE_PROVENANCE, figures.personalDueProvenance());
                execution.setVariable(BACK_PAYMENT_PROVENANCE, figures.backPaymentProvenance());
            }
        };
    }

    @Bean
    JavaDelegate applyEnrollmentCorrection(ApplicationCorrection correction) {
        return execution -> {
            ApplicationCorrection.Corrected c = correction.apply(
                    caseRef(execution),
                    new ApplicationCorrection.Correction(
                            string(execution, NAME),
                            string(execution, RESIDENCE),
                            string(execution, RESIDENCE_PERMIT_NUMBER),
                            string(execution, TOWNSHIP),
                            string(execution, PHONE),
                            strings(execution, CLAIMED_CATEGORIES)));
            execution.setVariable(NAME, c.name());
            execution.setVariable(RESIDENCE, c.residence().name());
            execution.setVariable(TOWNSHIP, c.township());
            execution.setVariable(CLAIMED_CATEGORIES, c.claimedCategories());
            execution.removeVariable(REVIEW_DECISION);
            execution.removeVariable(REVIEW_REASON_CODE);
        };
    }
}
