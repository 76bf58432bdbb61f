package com.yibaoflow.hardship;

import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Department rosters (issue #5 §1): only the owning department's users (and administrators) upload them. */
@RestController
@Tag(name = "Rosters", description = "花名册: department rosters of hardship categories, in versions")
class RosterController {

    private final RosterImportService rosters;
    private final RegionScope regions;
    private final JdbcTemplate jdbc;

    RosterController(RosterImportService rosters, RegionScope regions, JdbcTemplate jdbc) {
        this.rosters = rosters;
        this.regions = regions;
        this.jdbc = jdbc;
    }

    @PostMapping(path = "/api/rosters/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a department roster (CSV or .xlsx) as its new version; the report lists added, "
                    + "removed and changed people and every bad row")
    ResponseEntity<RosterImportService.Report> importRoster(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String regionCode,
            @AuthenticationPrincipal StaffPrincipal principal) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalidField("file", "is required: a CSV or .xlsx file (multipart field 'file')");
        }
        Department owner = Department.byGroupId(department == null ? "" : department.strip())
                .orElseThrow(
                        () -> DomainException.invalidField("department", "is not a department group: " + department));
        if (!principal.isAdmin() && !principal.isMemberOf(owner.groupId())) {
            throw DomainException.forbidden(
                    "Only " + owner.chineseName() + " (" + owner.groupId() + ") uploads its roster");
        }
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField("asOf", "is not a date (yyyy-MM-dd): " + asOf);
        }
        if (day == null) {
            throw DomainException.invalidField("asOf", "is required: the date the roster is valid on (yyyy-MM-dd)");
        }
        String region = regionCode == null || regionCode.isBlank() ? principal.regionCode() : regionCode.strip();
        regions.requireVisible(principal, region, "Region " + region);
        RosterImportService.Report report;
        try (InputStream in = file.getInputStream()) {
            report = rosters.importRoster(in, file.getOriginalFilename(), owner, region, day, principal.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RosterImportService.Unfinished unfinished) {
            // this node stops (or lost the import): it runs again from its kept file; follow it there
            return ResponseEntity.accepted()
                    .location(URI.create("/api/rosters/imports/" + unfinished.importId()))
                    .build();
        }
        URI location = URI.create("/api/rosters/versions/" + report.versionId());
        // a version that removes too many people is kept, not applied: 202 until a supervisor confirms it
        return report.pending()
                ? ResponseEntity.accepted().location(location).body(report)
                : ResponseEntity.created(location).body(report);
    }

    @GetMapping("/api/rosters/imports/{id}")
    @Operation(
            summary = "A roster upload: RUNNING (also while it runs again after a crash), COMPLETED with its version, "
                    + "or FAILED with why")
    Map<String, Object> rosterImport(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal principal) {
        Map<String, Object> found = rosters.findImport(id);
        regions.requireVisible(principal, (String) found.get("region_code"), "Roster import " + id);
        return found;
    }

    @PostMapping("/api/rosters/versions/{id}/confirmation")
    @Operation(
            summary = "A supervisor of the department confirms a pending roster version (one that removes more than "
                    + "the region's share of the current entries): it becomes current and its changes apply")
    RosterImportService.Report confirm(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal principal) {
        Map<String, Object> version = versionRow(id);
        regions.requireVisible(principal, (String) version.get("region_code"), "Roster version " + id);
        Department owner =
                Department.byGroupId((String) version.get("department")).orElseThrow();
        Department supervisors = owner.supervisors()
                .orElseThrow(() -> DomainException.forbidden(owner.groupId() + " has no supervisors to confirm"));
        if (!principal.isAdmin() && !principal.isMemberOf(supervisors.groupId())) {
            throw DomainException.forbidden("Only the supervisors of " + owner.chineseName() + " ("
                    + supervisors.groupId() + ") confirm its roster");
        }
        return rosters.confirm(id, principal.userId());
    }

    @GetMapping("/api/rosters/versions/{id}")
    @Operation(summary = "A roster version: counts against the previous version and its rejected rows")
    Map<String, Object> version(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal principal) {
        Map<String, Object> version = versionRow(id);
        regions.requireVisible(principal, (String) version.get("region_code"), "Roster version " + id);
        version.put(
                "errors",
                jdbc.queryForList(
                        "select row_number, field, reason from yibao.roster_import_error "
                                + "where version_id = ? order by row_number",
                        id));
        return version;
    }

    private Map<String, Object> versionRow(long id) {
        List<Map<String, Object>> found = jdbc.queryForList("""
                select id, department, region_code, version, as_of, file_name, row_count, rejected_rows, added,
                       removed, changed, imported_by, imported_at, current, pending, pending_reason, confirmed_by,
                       confirmed_at
                from yibao.roster_version where id = ?""", id);
        if (found.isEmpty()) {
            throw DomainException.notFound("Roster version " + id + " not found");
        }
        return new java.util.LinkedHashMap<>(found.get(0));
    }
}
