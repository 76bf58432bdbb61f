package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatter.PolicyVersionRef;
import com.yibaoflow.escalation.MajorMatterViews.MajorMatterView;
import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
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

/**
 * Major-matter requests and reports (issue #18): drafting and submission, the record, the list. Acting on a task is
 * {@link MajorMatterTaskController}, the files {@link MajorMatterAttachmentController}.
 */
@RestController
@Tag(name = "Major matters", description = "重大事项请示报告: requests level by level, reports, attachments")
class MajorMatterController {

    private final MajorMatterSubmissions submissions;
    private final MajorMatterLookups lookups;
    private final MajorMatterViews views;
    private final MajorMatters matters;
    private final RegionScope regions;

    MajorMatterController(
            MajorMatterSubmissions submissions,
            MajorMatterLookups lookups,
            MajorMatterViews views,
            MajorMatters matters,
            RegionScope regions) {
        this.submissions = submissions;
        this.lookups = lookups;
        this.views = views;
        this.matters = matters;
        this.regions = regions;
    }

    record DraftRequest(
            @NotNull(message = "is required") MajorMatterType type,

            @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters")
            String title,

            @NotBlank(message = "is required") @Size(max = 8000, message = "has at most 8000 characters")
            String situation,

            @NotBlank(message = "is required") @Size(max = 8000, message = "has at most 8000 characters")
            String proposal,

            @NotBlank(message = "is required") String regionCode,
            @Valid PolicyVersionRequest policyVersion) {}

    record PolicyVersionRequest(
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") Integer coverageYear,

            @NotNull(message = "is required") @Positive(message = "must be positive")
            Integer version) {}

    record Summary(
            long id,
            String documentNumber,
            String type,
            String title,
            String regionCode,
            String state,
            String currentLevel,
            Instant waitingSince,
            Instant submittedAt) {
        static Summary of(MajorMatter m) {
            return new Summary(
                    m.id(),
                    m.documentNumber(),
                    m.type().name(),
                    m.title(),
                    m.regionCode(),
                    m.state().name(),
                    m.currentLevel() == null ? null : m.currentLevel().name(),
                    m.waitingSince(),
                    m.submittedAt());
        }
    }

    @PostMapping("/api/major-matters")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "Drafts and submits a request or report: numbered, recorded and its process started (201)")
    ResponseEntity<MajorMatterView> submit(
            @Valid @RequestBody DraftRequest r, @AuthenticationPrincipal StaffPrincipal user) {
        PolicyVersionRef policy = r.policyVersion() == null
                ? null
                : new PolicyVersionRef(
                        r.policyVersion().regionCode().strip(),
                        r.policyVersion().coverageYear(),
                        r.policyVersion().version());
        MajorMatter m = submissions.submit(
                new MajorMatterSubmissions.Draft(
                        r.type(),
                        r.title().strip(),
                        r.situation().strip(),
                        r.proposal().strip(),
                        r.regionCode().strip(),
                        policy),
                user);
        return ResponseEntity.created(URI.create("/api/major-matters/" + m.id()))
                .body(views.of(lookups.visible(m.id(), user)));
    }

    @GetMapping("/api/major-matters/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "A request: state, document number, where it waits and since when, opinions, filings, files")
    MajorMatterView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal user) {
        return views.of(lookups.visible(id, user));
    }

    @GetMapping("/api/major-matters")
    @Transactional(readOnly = true)
    @Operation(summary = "Pages through the requests of the regions the user works on")
    PageView<Summary> list(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) MajorMatterState state,
            @RequestParam(required = false) MajorMatterType type,
            @RequestParam(required = false) MajorMatterLevel level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal StaffPrincipal user) {
        if (page < 0) {
            throw DomainException.invalidField("page", "must not be negative");
        }
        if (size < 1 || size > 500) {
            throw DomainException.invalidField("size", "must be between 1 and 500");
        }
        Set<String> visible = regions.visibleRegions(user);
        if (regionCode != null) {
            visible = visible.contains(regionCode) ? Set.of(regionCode) : Set.of();
        }
        return PageView.of(
                matters.search(visible, state, type, level, PageRequest.of(page, size, Sort.by("id"))), Summary::of);
    }
}
