package com.yibaoflow.audit;

import com.yibaoflow.shared.log.IdNumberMasking;
import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The trail as a page (issue #20 §2): {@code /cases/{businessKey}} (plain HTML, bpmn-js's viewer from its webjar),
 * the path each process of the case took ({@code /api/cases/{businessKey}/diagrams}, from history) and the BPMN XML
 * of a process definition, for supervisors and auditors ({@link AuditReaders}).
 */
@RestController
@Tag(name = "Audit")
class CaseDiagramController {

    private static final Resource PAGE = new ClassPathResource("static/case-page/index.html");

    private final CaseTrail trails;
    private final HistoryService history;
    private final RepositoryService repository;
    private final PersonReads reads;

    CaseDiagramController(CaseTrail trails, HistoryService history, RepositoryService repository, PersonReads reads) {
        this.trails = trails;
        this.history = history;
        this.repository = repository;
        this.reads = reads;
    }

    /** One process instance of the case and the path it took: activities completed, active, time spent at each. */
    record Path(
            String processInstanceId,
            String processDefinitionId,
            String processDefinitionKey,
            String processDefinitionName,
            String businessKey,
            String state,
            Instant startedAt,
            Instant endedAt,
            Set<String> completed,
            Set<String> active,
            Map<String, Long> durationMillis) {}

    @GetMapping("/api/cases/{businessKey}/diagrams")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(summary = "Each process the case went through: activities completed and active (from history)")
    List<Path> diagrams(@PathVariable String businessKey) {
        List<HistoricProcessInstance> instances = trails.instancesOf(businessKey);
        if (instances.isEmpty()) {
            throw DomainException.notFound("Case " + businessKey + " not found");
        }
        reads.shownCase(
                PersonReads.CASE_DIAGRAMS,
                businessKey,
                instances.stream().map(HistoricProcessInstance::getBusinessKey).toList(),
                null);
        return instances.stream().map(this::path).toList();
    }

    private Path path(HistoricProcessInstance p) {
        Set<String> completed = new LinkedHashSet<>();
        Set<String> active = new LinkedHashSet<>();
        Map<String, Long> durations = new LinkedHashMap<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(p.getId())
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list()) {
            if (a.getEndTime() == null) {
                active.add(a.getActivityId());
            } else {
                completed.add(a.getActivityId());
                if (a.getDurationInMillis() != null) {
                    durations.merge(a.getActivityId(), a.getDurationInMillis(), Long::sum);
                }
            }
        }
        return new Path(
                p.getId(),
                p.getProcessDefinitionId(),
                p.getProcessDefinitionKey(),
                p.getProcessDefinitionName(),
                p.getBusinessKey(),
                p.getState(),
                p.getStartTime() == null ? null : p.getStartTime().toInstant(),
                p.getEndTime() == null ? null : p.getEndTime().toInstant(),
                completed,
                active,
                durations);
    }

    @GetMapping(value = "/api/audit/process-definitions/{processDefinitionId}/xml", produces = "application/xml")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(summary = "The BPMN 2.0 XML of a deployed process definition (for the case page's diagram)")
    ResponseEntity<String> xml(@PathVariable String processDefinitionId) throws IOException {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionId(processDefinitionId)
                .singleResult();
        if (definition == null) {
            throw DomainException.notFound("Process definition " + processDefinitionId + " not found");
        }
        try (InputStream in = repository.getProcessModel(processDefinitionId)) {
            return ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noCache())
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @GetMapping("/cases/{businessKey}")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(summary = "The case page (HTML): diagrams with the path taken and the chronological trail")
    ResponseEntity<String> page(@PathVariable String businessKey) throws IOException {
        // business keys carry the full ID number (docs/audit.md, "ID numbers in business keys"): shown masked
        String html = PAGE.getContentAsString(StandardCharsets.UTF_8)
                .replace(
                        "<span id=\"businessKey\"></span>",
                        "<span id=\"businessKey\">" + HtmlUtils.htmlEscape(IdNumberMasking.mask(businessKey))
                                + "</span>");
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(html);
    }
}
