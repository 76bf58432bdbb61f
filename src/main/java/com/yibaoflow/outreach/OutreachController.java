package com.yibaoflow.outreach;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Outreach to roster people not yet enrolled (issue #5 §4). */
@RestController
@Tag(name = "Outreach", description = "参保动员: roster people not yet enrolled, one township task each")
class OutreachController {

    private final OutreachService outreach;
    private final RegionScope regions;

    OutreachController(OutreachService outreach, RegionScope regions) {
        this.outreach = outreach;
        this.regions = regions;
    }

    @GetMapping("/api/outreach/{regionCode}/{coverageYear}")
    @Operation(summary = "Roster people (all departments) without an enrollment for the year, by township")
    List<OutreachService.Person> list(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @RequestParam(required = false) String township,
            @AuthenticationPrincipal StaffPrincipal principal) {
        regions.requireVisible(principal, regionCode, "Region " + regionCode);
        return outreach.notEnrolled(regionCode, coverageYear, township);
    }

    @PostMapping("/api/outreach/{regionCode}/{coverageYear}")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "Opens one outreach task per township (candidate group townships) with its list")
    ResponseEntity<List<OutreachService.Opened>> open(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @RequestParam(required = false) String township,
            @AuthenticationPrincipal StaffPrincipal principal) {
        regions.requireVisible(principal, regionCode, "Region " + regionCode);
        return ResponseEntity.status(201)
                .body(outreach.open(
                        regionCode,
                        coverageYear,
                        township == null || township.isBlank() ? null : township.strip(),
                        principal.userId()));
    }
}
