package com.yibaoflow.escalation;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** R-MM-06: a region's monthly fund figures and the fund-risk warnings they raise. */
@RestController
@Tag(name = "Fund indicators", description = "基金运行指标: months of expenditure the balance covers, R-MM-06 warnings")
class FundIndicatorController {

    private final FundIndicatorService service;
    private final FundIndicators indicators;
    private final FundIndicatorImportService imports;
    private final RegionScope regions;

    FundIndicatorController(
            FundIndicatorService service,
            FundIndicatorImportService imports,
            FundIndicators indicators,
            RegionScope regions) {
        this.service = service;
        this.imports = imports;
        this.indicators = indicators;
        this.regions = regions;
    }

    record IndicatorRequest(
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") YearMonth month,

            @NotNull(message = "is required")
            @PositiveOrZero(message = "must not be negative")
            @Digits(integer = 14, fraction = 2, message = "has at most 2 decimals")
            BigDecimal income,

            @NotNull(message = "is required")
            @PositiveOrZero(message = "must not be negative")
            @Digits(integer = 14, fraction = 2, message = "has at most 2 decimals")
            BigDecimal expenditure,

            @NotNull(message = "is required") @Digits(integer = 14, fraction = 2, message = "has at most 2 decimals")
            BigDecimal balance) {}

    record IndicatorView(
            long id,
            String regionCode,
            YearMonth month,
            BigDecimal income,
            BigDecimal expenditure,
            BigDecimal balance,
            BigDecimal monthsCovered,
            BigDecimal thresholdMonths,
            boolean warning,
            String recordedBy,
            Instant recordedAt) {}

    @PostMapping("/api/fund-indicators")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "Records a month of a region's fund figures; a warning when the balance covers too few months")
    ResponseEntity<IndicatorView> record(
            @Valid @RequestBody IndicatorRequest r, @AuthenticationPrincipal StaffPrincipal user) {
        String region = r.regionCode().strip();
        regions.requireVisible(user, region, "Region " + region);
        FundIndicator indicator = service.record(
                new FundIndicatorService.Report(
                        region,
                        r.month(),
                        r.income().setScale(2),
                        r.expenditure().setScale(2),
                        r.balance().setScale(2)),
                user.userId());
        return ResponseEntity.created(URI.create("/api/fund-indicators?regionCode=" + region))
                .body(view(indicator));
    }

    @PostMapping(path = "/api/fund-indicators/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(
            summary = "Imports the monthly file of fund figures (CSV or .xlsx), all or nothing: 400 with every bad row;"
                    + " months already on record with the same figures are unchanged")
    FundIndicatorImportService.Report importFile(
            @RequestPart(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal user) {
        if (file == null || file.isEmpty()) {
            throw DomainException.invalidField("file", "请上传基金运行指标文件（CSV 或 .xlsx，表单字段 file）");
        }
        try (InputStream in = file.getInputStream()) {
            return imports.importFile(in, file.getOriginalFilename(), user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/fund-indicators")
    @Transactional(readOnly = true)
    @Operation(summary = "The fund figures of the regions the user works on, newest month first")
    List<IndicatorView> list(
            @RequestParam(required = false) String regionCode, @AuthenticationPrincipal StaffPrincipal user) {
        var visible = regions.visibleRegions(user);
        if (regionCode != null) {
            visible = visible.contains(regionCode) ? java.util.Set.of(regionCode) : java.util.Set.of();
        }
        return indicators.findByRegionCodeInOrderByMonthDescRegionCodeAsc(visible).stream()
                .map(this::view)
                .toList();
    }

    private IndicatorView view(FundIndicator i) {
        return new IndicatorView(
                i.id(),
                i.regionCode(),
                YearMonth.from(i.month()),
                i.income(),
                i.expenditure(),
                i.balance(),
                i.monthsCovered(),
                i.thresholdMonths(),
                service.warned(i),
                i.recordedBy(),
                i.recordedAt());
    }
}
