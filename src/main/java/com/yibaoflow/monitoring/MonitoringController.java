package com.yibaoflow.monitoring;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Burden scans (issue #19 §2, R-MON-01, R-MON-02). */
@RestController
@Tag(name = "Monitoring", description = "高额医疗费用负担患者监测预警: burden scans and referrals")
class MonitoringController {

    record ScanRequest(
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") Integer coverageYear,
            @NotNull(message = "is required") LocalDate asOf) {}

    private final BurdenScans scans;
    private final RegionScope regions;

    MonitoringController(BurdenScans scans, RegionScope regions) {
        this.scans = scans;
        this.regions = regions;
    }

    @PostMapping("/api/monitoring/scans")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(
            summary = "Scans the region's claims of the year up to asOf: every person whose out-of-pocket cost "
                    + "reaches their group's warning line is recorded and referred")
    ResponseEntity<BurdenScans.Scan> scan(
            @Valid @RequestBody ScanRequest request, @AuthenticationPrincipal StaffPrincipal principal) {
        regions.requireVisible(principal, request.regionCode(), "Region " + request.regionCode());
        BurdenScans.Scan scan =
                scans.scan(request.regionCode(), request.coverageYear(), request.asOf(), principal.userId());
        return ResponseEntity.created(URI.create("/api/monitoring/scans/" + scan.id()))
                .body(scan);
    }

    @GetMapping("/api/monitoring/scans/{id}")
    @Operation(summary = "A scan: who ran it, when, with what, how many people, its warnings")
    BurdenScans.Scan scan(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal principal) {
        BurdenScans.Scan scan = scans.find(id).orElseThrow(() -> DomainException.notFound("Scan " + id + " not found"));
        regions.requireVisible(principal, scan.regionCode(), "Scan " + id);
        return scan;
    }
}
