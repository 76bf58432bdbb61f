package com.yibaoflow.hardship;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** R-SUB-11 entitlements of a region and coverage year, applied, lapsed or not checked yet (issue #17 item 8). */
@RestController
@Tag(name = "Hardship", description = "困难身份认定: verification of claimed hardship categories")
class SubsidyEntitlementController {

    /** Supervisors of the medical security bureau and of the roster departments, auditors, administrators. */
    static final String READERS = "hasAnyRole('auditors', 'camunda-admin', 'medical-security-supervisors', "
            + "'civil-affairs-supervisors', 'agriculture-rural-supervisors', 'veterans-affairs-supervisors', "
            + "'health-commission-supervisors', 'disabled-federation-supervisors')";

    private final SubsidyEntitlements entitlements;
    private final EntitlementSubsidies subsidies;
    private final RegionScope regions;

    SubsidyEntitlementController(
            SubsidyEntitlements entitlements, EntitlementSubsidies subsidies, RegionScope regions) {
        this.entitlements = entitlements;
        this.subsidies = subsidies;
        this.regions = regions;
    }

    @GetMapping("/api/hardship/entitlements")
    @PreAuthorize(READERS)
    @Operation(
            summary = "R-SUB-11 subsidy entitlements to a coverage year: APPLIED (still on the department's roster at "
                    + "next year's enrollment), LAPSED (no longer on it: reported, not applied) or PENDING (not "
                    + "checked yet); lapsed first, with each category's subsidy that year and its provenance. regionCode "
                    + "defaults to the user's region")
    SubsidyEntitlements.Report entitlements(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String coverageYear,
            @AuthenticationPrincipal StaffPrincipal principal) {
        int year;
        try {
            year = coverageYear == null ? 0 : Integer.parseInt(coverageYear.strip());
        } catch (NumberFormatException e) {
            year = 0;
        }
        if (year < 2000 || year > 2100) {
            throw DomainException.invalidField("coverageYear", "is required: a coverage year (2000–2100)");
        }
        String region = regionCode == null || regionCode.isBlank() ? principal.regionCode() : regionCode.strip();
        regions.requireVisible(principal, region, "Region " + region);
        SubsidyEntitlements.Report report = entitlements.report(region, year);
        // issue #17 item 2: each entitled category's subsidy that year, with its provenance state
        return report.withSubsidies(subsidies.of(
                region,
                year,
                report.items().stream()
                        .map(SubsidyEntitlements.Entitlement::category)
                        .toList()));
    }
}
