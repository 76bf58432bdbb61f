package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatterViews.MajorMatterView;
import com.yibaoflow.identity.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the levels and the drafter do to a request (R-MM-02): a decision or opinion on an open task, the revised
 * text after a return, a national filing (R-MM-01), the drafter's withdrawal. Each answers with the request as it
 * then stands.
 */
@RestController
@Tag(name = "Major matters", description = "重大事项请示报告: requests level by level, reports, attachments")
class MajorMatterTaskController {

    private final MajorMatterTaskActions actions;
    private final MajorMatterWithdrawals withdrawals;
    private final MajorMatterLookups lookups;
    private final MajorMatterViews views;

    MajorMatterTaskController(
            MajorMatterTaskActions actions,
            MajorMatterWithdrawals withdrawals,
            MajorMatterLookups lookups,
            MajorMatterViews views) {
        this.actions = actions;
        this.withdrawals = withdrawals;
        this.lookups = lookups;
        this.views = views;
    }

    record ActionRequest(
            String decision,

            @Size(max = 2000, message = "has at most 2000 characters")
            String opinion,

            @Size(max = 8000, message = "has at most 8000 characters")
            String situation,

            @Size(max = 8000, message = "has at most 8000 characters")
            String proposal,

            /** R-MM-01, on {@code Task_FileWithNhsa}, {@code Task_FileWithMof}, {@code Task_FileWithSta}. */
            @Size(max = 100, message = "has at most 100 characters")
            String filingReference,

            LocalDate filingDate) {}

    @PostMapping("/api/major-matters/{id}/tasks/{taskKey}")
    @Operation(
            summary = "Acts on an open task of the request: decision and opinion (or the revised text after a return);"
                    + " 403 for a user of another level or region")
    MajorMatterView act(
            @PathVariable long id,
            @PathVariable String taskKey,
            @Valid @RequestBody ActionRequest r,
            @AuthenticationPrincipal StaffPrincipal user) {
        actions.act(
                id,
                taskKey,
                new MajorMatterTaskActions.Action(
                        blankToNull(r.decision()),
                        blankToNull(r.opinion()),
                        blankToNull(r.situation()),
                        blankToNull(r.proposal()),
                        r.filingReference() == null
                                ? null
                                : blankToNull(r.filingReference().strip()),
                        r.filingDate()),
                user);
        return views.of(lookups.visible(id, user));
    }

    @PostMapping("/api/major-matters/{id}/withdrawal")
    @Operation(summary = "The drafter withdraws a request no one has acted on yet (撤回)")
    MajorMatterView withdraw(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal user) {
        withdrawals.withdraw(id, user);
        return views.of(lookups.visible(id, user));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
