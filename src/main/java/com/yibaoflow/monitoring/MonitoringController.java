package com.yibaoflow.monitoring;

import com.yibaoflow.audit.PersonReads;
import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.web.PageView;
import com.yibaoflow.shared.web.TableDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Burden scans (issue #19 §2, R-MON-01, R-MON-02), their reports, referrals and a person's history (§3, §4). */
@RestController
@Tag(name = "Monitoring", description = "高额医疗费用负担患者监测预警: burden scans and referrals")
class MonitoringController {

    record ScanRequest(
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") Integer coverageYear,
            @NotNull(message = "is required") LocalDate asOf) {}

    static final List<String> REPORT_COLUMNS = List.of(
            "公民身份号码", "监测人群", "花名册困难身份", "结算笔数", "医疗总费用", "基本医保支付", "大病保险支付", "医疗救助支付", "个人自付", "预警线", "补算支付", "转介案件",
            "转介状态");

    private final BurdenScans scans;
    private final ScanRecords scanRecords;
    private final ReferralQueries referrals;
    private final PersonBurdens burdens;
    private final RegionScope regions;
    private final PersonReads reads;

    MonitoringController(
            BurdenScans scans,
            ScanRecords scanRecords,
            ReferralQueries referrals,
            PersonBurdens burdens,
            RegionScope regions,
            PersonReads reads) {
        this.scans = scans;
        this.scanRecords = scanRecords;
        this.referrals = referrals;
        this.burdens = burdens;
        this.regions = regions;
        this.reads = reads;
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
        BurdenScans.Scan scan =
                scanRecords.find(id).orElseThrow(() -> DomainException.notFound("Scan " + id + " not found"));
        regions.requireVisible(principal, scan.regionCode(), "Scan " + id);
        return scan;
    }

    @GetMapping("/api/monitoring/scans/{id}/report")
    @Operation(
            summary = "A scan's warnings as a CSV or XLSX download, one row per warned person (the same rows in each)")
    ResponseEntity<?> report(
            @PathVariable long id,
            @RequestParam(defaultValue = "csv") String format,
            @AuthenticationPrincipal StaffPrincipal principal) {
        BurdenScans.Scan scan =
                scanRecords.find(id).orElseThrow(() -> DomainException.notFound("Scan " + id + " not found"));
        regions.requireVisible(principal, scan.regionCode(), "Scan " + id);
        Map<String, String[]> cases = scanRecords.referralsOf(scan);
        List<List<String>> rows = scan.warningList().stream()
                .map(w -> {
                    String[] referral = cases.getOrDefault(w.idNumber(), new String[] {"", ""});
                    return List.of(
                            w.idNumber(),
                            ReferralOutcome.groupLabel(w.populationGroup()),
                            String.join("、", w.categories()),
                            Integer.toString(w.claims()),
                            w.totalCost().toPlainString(),
                            w.basicPaid().toPlainString(),
                            w.criticalIllnessPaid().toPlainString(),
                            w.assistancePaid().toPlainString(),
                            w.outOfPocket().toPlainString(),
                            w.warningLine().toPlainString(),
                            w.layersComputed() ? "是" : "否",
                            referral[0],
                            referral[1]);
                })
                .toList();
        return TableDownload.of(
                format, "scan-" + id + "-" + scan.regionCode() + "-" + scan.asOf(), "预警名单", REPORT_COLUMNS, rows);
    }

    @GetMapping("/api/monitoring/referrals")
    @Operation(
            summary = "Referrals in the regions the user sees, newest first; department keeps those still awaiting "
                    + "that department's outcome")
    PageView<ReferralViews.ReferralView> referrals(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String department,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal StaffPrincipal principal) {
        if (state != null && !List.of("VERIFYING", "FOLLOWING_UP", "CLOSED").contains(state)) {
            throw DomainException.invalidField("state", "must be VERIFYING, FOLLOWING_UP or CLOSED");
        }
        if (department != null && !ReferralProcess.DEPARTMENTS.contains(department)) {
            throw DomainException.invalidField("department", "must be one of " + ReferralProcess.DEPARTMENTS);
        }
        if (page < 0) {
            throw DomainException.invalidField("page", "must not be negative");
        }
        if (size < 1 || size > 200) {
            throw DomainException.invalidField("size", "must be between 1 and 200");
        }
        if (regionCode != null) {
            regions.requireVisible(principal, regionCode, "Region " + regionCode);
        }
        return referrals.list(regions.visibleRegions(principal), regionCode, state, department, page, size);
    }

    @GetMapping("/api/monitoring/persons/{idNumber}")
    @Operation(summary = "A person's burden history by month, the scans that warned them, referrals and outcomes")
    ReferralViews.PersonView person(@PathVariable String idNumber, @AuthenticationPrincipal StaffPrincipal principal) {
        String id = idNumber.strip().toUpperCase(Locale.ROOT);
        if (!ResidentIdNumber.isValid(id)) {
            throw DomainException.invalidField("idNumber", "is not a valid resident ID number");
        }
        ReferralViews.PersonView person = burdens.person(id, regions.visibleRegions(principal));
        if (person == null) {
            throw DomainException.notFound("No claims, warnings or referrals of " + ResidentIdNumber.mask(id));
        }
        reads.shown(PersonReads.PERSON_BURDEN, id, null); // who looked (issue #20 §6)
        return person;
    }
}
