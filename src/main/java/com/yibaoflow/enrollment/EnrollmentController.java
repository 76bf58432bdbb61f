package com.yibaoflow.enrollment;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.contribution.Payer;
import com.yibaoflow.policy.calc.contribution.Relationship;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import com.yibaoflow.shared.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Enrollment cases through the API door (issue #4 §1, §9); payments have {@link PaymentController}. */
@RestController
@Tag(name = "Enrollment", description = "参保登记: intake, cases, withdrawal")
class EnrollmentController {

    private final EnrollmentService enrollments;
    private final CaseWithdrawal withdrawals;
    private final EnrollmentCases cases;
    private final CaseViews views;
    private final RegionScope regions;

    EnrollmentController(
            EnrollmentService enrollments,
            CaseWithdrawal withdrawals,
            EnrollmentCases cases,
            CaseViews views,
            RegionScope regions) {
        this.enrollments = enrollments;
        this.withdrawals = withdrawals;
        this.cases = cases;
        this.views = views;
        this.regions = regions;
    }

    record PayerRequest(String idNumber, String name, Relationship relationship) {}

    record ApplicationRequest(
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") Integer coverageYear,
            String idNumber,
            String name,
            Residence residence,
            String residencePermitNumber,
            String township,
            String phone,
            List<String> claimedCategories,
            PayerRequest payer,
            Integer paidBackYears) {}

    @PostMapping("/api/enrollments")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'townships', 'camunda-admin')")
    @Operation(summary = "Apply for enrollment (R-ELIG-01/02): 201 with the case, 409 with the existing case")
    ResponseEntity<EnrollmentView> apply(
            @Valid @RequestBody ApplicationRequest request, @AuthenticationPrincipal StaffPrincipal principal) {
        Application application = applicationOf(request);
        regions.requireVisible(principal, application.regionCode(), "Region " + application.regionCode());
        EnrollmentCase c;
        try {
            c = enrollments.intake(application, EnrollmentSource.API, null, principal.userId());
        } catch (EnrollmentService.AlreadyEnrolledException e) {
            throw EnrollmentService.conflict(e.existing());
        }
        // the case ran to its first wait state in this request. Waiting for payment it has no task, payment or
        // coverage yet, nothing to look up (its case history is at GET); any other state may hold an open task
        EnrollmentView body = c.status() == EnrollmentStatus.AWAITING_PAYMENT
                ? EnrollmentView.of(c, List.of(), null, List.of(), List.of(), List.of())
                : view(c);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(c.id())
                        .toUri())
                .body(body);
    }

    @GetMapping("/api/enrollments/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "A case: state, figures and their explanation, payments, coverage, open tasks")
    EnrollmentView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal principal) {
        EnrollmentCase c =
                cases.findById(id).orElseThrow(() -> DomainException.notFound("Enrollment case " + id + " not found"));
        regions.requireVisible(principal, c.regionCode(), "Enrollment case " + id);
        return view(c);
    }

    @GetMapping("/api/enrollments")
    @Transactional(readOnly = true)
    @Operation(summary = "Pages through the cases of the regions the user works on")
    PageView<EnrollmentView.Summary> list(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer coverageYear,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) EnrollmentStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal StaffPrincipal principal) {
        if (page < 0) {
            throw DomainException.invalidField("page", "must not be negative");
        }
        if (size < 1 || size > 500) {
            throw DomainException.invalidField("size", "must be between 1 and 500");
        }
        Set<String> visible = regions.visibleRegions(principal);
        if (regionCode != null) {
            visible = visible.contains(regionCode) ? Set.of(regionCode) : Set.of();
        }
        return PageView.of(
                cases.search(visible, coverageYear, township, status, PageRequest.of(page, size, Sort.by("id"))),
                EnrollmentView.Summary::of);
    }

    @PostMapping("/api/enrollments/{id}/withdrawal")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "The resident withdraws before paying: 202, the case becomes WITHDRAWN")
    ResponseEntity<EnrollmentView> withdraw(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal principal) {
        EnrollmentCase c =
                cases.findById(id).orElseThrow(() -> DomainException.notFound("Enrollment case " + id + " not found"));
        regions.requireVisible(principal, c.regionCode(), "Enrollment case " + id);
        withdrawals.withdraw(c, principal.userId());
        return ResponseEntity.accepted().body(view(cases.findById(id).orElseThrow()));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Application applicationOf(ApplicationRequest r) {
        Payer payer = r.payer() == null
                ? null
                : new Payer(
                        upper(r.payer().idNumber()),
                        strip(r.payer().name()),
                        r.payer().relationship());
        List<FieldError> errors = ApplicationRules.check(
                upper(r.idNumber()),
                r.name(),
                r.residence(),
                r.township(),
                r.phone(),
                r.claimedCategories(),
                payer,
                r.paidBackYears());
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
        enrollments.requireOpenYear(r.regionCode().strip(), r.coverageYear());
        enrollments.requireBackPaymentVersions(
                r.regionCode().strip(),
                r.coverageYear(),
                upper(r.idNumber()),
                r.paidBackYears() == null ? 0 : r.paidBackYears());
        return new Application(
                r.regionCode().strip(),
                r.coverageYear(),
                upper(r.idNumber()),
                r.name().strip(),
                r.residence(),
                strip(r.residencePermitNumber()),
                r.township().strip(),
                strip(r.phone()),
                ApplicationRules.categoryCodes(r.claimedCategories()),
                payer,
                r.paidBackYears() == null ? 0 : r.paidBackYears());
    }

    private EnrollmentView view(EnrollmentCase c) {
        return views.of(c);
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
