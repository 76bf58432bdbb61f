package com.yibaoflow.enrollment;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The roster door of enrollment (issue #4 §1), the tax bureau's payment files (issue #16 §4) and the registries
 * eligibility reads (§3).
 */
@RestController
@Tag(name = "Imports", description = "Township rosters, payment files and eligibility registries (CSV or .xlsx)")
class ImportController {

    private final EnrollmentImportService enrollmentImports;
    private final PaymentImportService paymentImports;
    private final EnrollmentImports imports;
    private final RegistryImportService registries;
    private final RegionScope regions;

    ImportController(
            EnrollmentImportService enrollmentImports,
            PaymentImportService paymentImports,
            EnrollmentImports imports,
            RegistryImportService registries,
            RegionScope regions) {
        this.enrollmentImports = enrollmentImports;
        this.paymentImports = paymentImports;
        this.imports = imports;
        this.registries = registries;
        this.regions = regions;
    }

    record ImportView(
            EnrollmentImports.ImportStatus status, List<EnrollmentImports.RowError> errors, int errorsOffset) {}

    @PostMapping(path = "/api/enrollments/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'townships', 'camunda-admin')")
    @Operation(summary = "Upload a township roster (CSV or .xlsx): 202, then follow the import's progress")
    ResponseEntity<ImportView> importRoster(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) Integer coverageYear,
            @RequestParam(required = false) String township,
            @AuthenticationPrincipal StaffPrincipal principal) {
        requireFile(file);
        if (regionCode == null || regionCode.isBlank()) {
            throw DomainException.invalidField("regionCode", "is required");
        }
        if (coverageYear == null) {
            throw DomainException.invalidField("coverageYear", "is required");
        }
        regions.requireVisible(principal, regionCode, "Region " + regionCode);
        long id;
        try (InputStream in = file.getInputStream()) {
            id = enrollmentImports.start(
                    in,
                    file.getOriginalFilename(),
                    regionCode,
                    coverageYear,
                    township == null || township.isBlank() ? null : township.strip(),
                    principal.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accepted(id);
    }

    @GetMapping("/api/enrollments/imports/{id}")
    @Operation(summary = "An import's progress: total, processed, started, and every rejected row (paged)")
    ImportView importStatus(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int errorsOffset,
            @RequestParam(defaultValue = "1000") int errorsLimit,
            @AuthenticationPrincipal StaffPrincipal principal) {
        return visibleView(id, "ROSTER", errorsOffset, errorsLimit, principal);
    }

    /** An import of the kind, if the user's regions include the import's (404 for an import of another kind). */
    private ImportView visibleView(long id, String kind, int errorsOffset, int errorsLimit, StaffPrincipal principal) {
        if (errorsOffset < 0) {
            throw DomainException.invalidField("errorsOffset", "must not be negative");
        }
        if (errorsLimit < 1 || errorsLimit > 10000) {
            throw DomainException.invalidField("errorsLimit", "must be between 1 and 10000");
        }
        ImportView view = view(id, errorsOffset, errorsLimit);
        if (!view.status().kind().equals(kind)) {
            throw DomainException.notFound("Import " + id + " not found");
        }
        regions.requireVisible(principal, view.status().regionCode(), "Import " + id);
        return view;
    }

    @PostMapping(path = "/api/payments/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('tax', 'camunda-admin')")
    @Operation(
            summary = "Upload the tax bureau's payment file (CSV or .xlsx): 202, then follow the import; every row as "
                    + "POST /api/payments, idempotent by payment reference")
    ResponseEntity<ImportView> importPayments(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal principal) {
        requireFile(file);
        long id;
        try (InputStream in = file.getInputStream()) {
            id = paymentImports.start(in, file.getOriginalFilename(), principal.regionCode(), principal.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return accepted(id);
    }

    @GetMapping("/api/payments/imports/{id}")
    @PreAuthorize("hasAnyRole('tax', 'medical-security-supervisors', 'auditors', 'camunda-admin')")
    @Operation(summary = "A payment file's progress: total, processed, accepted (started), and every row not accepted")
    ImportView paymentImportStatus(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int errorsOffset,
            @RequestParam(defaultValue = "1000") int errorsLimit,
            @AuthenticationPrincipal StaffPrincipal principal) {
        return visibleView(id, "PAYMENTS", errorsOffset, errorsLimit, principal);
    }

    @PostMapping(path = "/api/registries/employee-insurance/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "Import an employee-insurance extract (R-ELIG-02); idempotent")
    ResponseEntity<RegistryImportService.Report> importEmployeeInsurance(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal principal) {
        requireFile(file);
        try (InputStream in = file.getInputStream()) {
            return registryReport(registries.importEmployeeInsurance(in, uploader(file, principal)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(
            path = "/api/registries/other-region-enrollments/imports",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "Import enrollments of other pooling regions (R-ELIG-02); idempotent")
    ResponseEntity<RegistryImportService.Report> importOtherRegions(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal principal) {
        requireFile(file);
        try (InputStream in = file.getInputStream()) {
            return registryReport(registries.importOtherRegionEnrollments(in, uploader(file, principal)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 202 with the new import's progress so far, and where to follow it. */
    private ResponseEntity<ImportView> accepted(long id) {
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(id)
                        .toUri())
                .body(view(id, 0, 1000));
    }

    @PostMapping(path = "/api/registries/coverage-history/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(
            summary = "Import coverage from before this system (the provincial platform's export; R-WAIT-01/03/06); "
                    + "idempotent")
    ResponseEntity<RegistryImportService.Report> importCoverageHistory(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal principal) {
        requireFile(file);
        try (InputStream in = file.getInputStream()) {
            return registryReport(registries.importCoverageHistory(in, uploader(file, principal)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/registries/imports/{id}")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'auditors', 'camunda-admin')")
    @Operation(summary = "A registry import: RUNNING (resumed after a crash), COMPLETED or FAILED, its counts and rows")
    RegistryImportService.Report registryImport(@PathVariable long id) {
        return registries.find(id);
    }

    private static RegistryImportService.Uploader uploader(MultipartFile file, StaffPrincipal principal) {
        return new RegistryImportService.Uploader(
                file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
                principal.regionCode(),
                principal.userId());
    }

    /** 200 when the import completed; 202 while it is unfinished (this node stopped, another resumes it). */
    private static ResponseEntity<RegistryImportService.Report> registryReport(RegistryImportService.Report report) {
        return switch (report.status()) {
            case "COMPLETED" -> ResponseEntity.ok(report);
            case "RUNNING" ->
                ResponseEntity.accepted()
                        .location(java.net.URI.create("/api/registries/imports/" + report.importId()))
                        .body(report);
            default -> ResponseEntity.internalServerError().body(report);
        };
    }

    private ImportView view(long id, int offset, int limit) {
        EnrollmentImports.ImportStatus status =
                imports.find(id).orElseThrow(() -> DomainException.notFound("Import " + id + " not found"));
        return new ImportView(status, imports.errors(id, offset, limit), offset);
    }

    private static void requireFile(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalidField("file", "is required: a CSV or .xlsx file (multipart field 'file')");
        }
    }
}
