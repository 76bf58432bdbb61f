package com.yibaoflow.audit;

import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.web.TableDownload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{businessKey}/trail}: the case's trail as JSON, CSV or XLSX (the same rows in each), for
 * supervisors and auditors. Every read is itself recorded (who looked).
 */
@RestController
@Tag(name = "Audit")
class CaseTrailController {

    static final List<String> COLUMNS = List.of(
            "at",
            "source",
            "kind",
            "businessKey",
            "processDefinitionKey",
            "processInstanceId",
            "elementId",
            "name",
            "actor",
            "ruleId",
            "detail",
            "durationMillis");

    static final MediaType XLSX = TableDownload.XLSX;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Asia/Shanghai"));

    private final CaseTrail trails;
    private final PersonReads reads;

    CaseTrailController(CaseTrail trails, PersonReads reads) {
        this.trails = trails;
        this.reads = reads;
    }

    @GetMapping("/api/cases/{businessKey}/trail")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(summary = "A case's chronological trail: process history (and called cases) merged with domain events")
    ResponseEntity<?> trail(@PathVariable String businessKey, @RequestParam(defaultValue = "json") String format)
            throws IOException {
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw DomainException.invalidField("format", "must be json, csv or xlsx");
        }
        CaseTrail.Trail trail = trails.of(businessKey);
        if (trail.instances().isEmpty() && trail.rows().isEmpty()) {
            throw DomainException.notFound("Case " + businessKey + " not found");
        }
        // who looked (#20 §6): the rows name every business key of the case, each with its full ID number
        Set<String> keys = new LinkedHashSet<>();
        trail.instances().forEach(i -> keys.add(i.businessKey()));
        trail.rows().forEach(r -> keys.add(r.businessKey()));
        reads.shownCase(PersonReads.CASE_TRAIL, businessKey, keys, format);
        String file = "trail-" + businessKey.replaceAll("[^A-Za-z0-9_-]", "_");
        return switch (format) {
            case "json" -> ResponseEntity.ok(trail);
            case "csv", "xlsx" ->
                TableDownload.of(
                        format,
                        file,
                        "trail",
                        COLUMNS,
                        trail.rows().stream().map(CaseTrailController::cells).toList());
            default -> throw DomainException.invalidField("format", "must be json, csv or xlsx");
        };
    }

    static List<String> cells(CaseTrail.Row r) {
        return java.util.Arrays.asList(
                r.at() == null ? "" : TIME.format(r.at()),
                r.source().name(),
                r.kind(),
                nz(r.businessKey()),
                nz(r.processDefinitionKey()),
                nz(r.processInstanceId()),
                nz(r.elementId()),
                nz(r.name()),
                nz(r.actor()),
                nz(r.ruleId()),
                nz(r.detail()),
                r.durationMillis() == null ? "" : r.durationMillis().toString());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
