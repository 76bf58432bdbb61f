package com.yibaoflow.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/cases}: every case type, paged, with where each case waits (issue #20 §3). */
@RestController
@Tag(name = "Audit")
class CaseSearchController {

    private final CaseSearch search;

    CaseSearchController(CaseSearch search) {
        this.search = search;
    }

    @GetMapping("/api/cases")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(
            summary = "Cases of every type (process), newest first: type = process key, state = OPEN, ENDED, ACTIVE, "
                    + "COMPLETED, …, department = candidate group of an open task, overdue = an open task past its "
                    + "due date, from/to = started between, q = part of the business key")
    CaseSearch.Page cases(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "STARTED_DESC") CaseSearch.Sort sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(
                new CaseSearch.Criteria(
                        type,
                        regionCode,
                        state,
                        department,
                        overdue,
                        from == null ? null : from.toInstant(),
                        to == null ? null : to.toInstant(),
                        q),
                sort,
                page,
                size);
    }
}
