package com.yibaoflow.monitoring;

import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Settled claims from the settlement system (issue #19 §1): the medical security bureau loads them. */
@RestController
@Tag(name = "Claims", description = "结算数据: settled medical claims, the input of burden monitoring")
class ClaimController {

    private final ClaimImportService imports;
    private final RegionScope regions;

    ClaimController(ClaimImportService imports, RegionScope regions) {
        this.imports = imports;
        this.regions = regions;
    }

    @PostMapping(path = "/api/claims/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Load a claims file (CSV or .xlsx); the report counts new, corrected and unchanged claims and "
                    + "lists every bad row. Should the node stop or crash before the answer, the import is run "
                    + "again from the kept file (status RUNNING until then; GET /api/claims/imports/{id})")
    ClaimImportService.Report importClaims(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal principal) {
        requireMedicalSecurity(principal);
        if (file == null || file.isEmpty()) {
            throw DomainException.invalidField("file", "is required: a CSV or .xlsx file (multipart field 'file')");
        }
        try (InputStream in = file.getInputStream()) {
            return imports.importClaims(
                    in, file.getOriginalFilename(), regions.visibleRegions(principal), principal.userId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/claims/imports/{id}")
    @Operation(summary = "A claims import: RUNNING, COMPLETED or FAILED, its counts and its first row errors")
    ClaimImportService.Report importReport(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal principal) {
        requireMedicalSecurity(principal);
        return imports.find(id).orElseThrow(() -> DomainException.notFound("No claims import " + id));
    }

    private static void requireMedicalSecurity(StaffPrincipal principal) {
        if (!principal.isAdmin() && !principal.isMemberOf(Department.MEDICAL_SECURITY.groupId())) {
            throw DomainException.forbidden("Only the medical security bureau (medical-security) loads claims");
        }
    }
}
