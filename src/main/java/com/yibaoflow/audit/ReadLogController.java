package com.yibaoflow.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReadLogController {

    private final ReadLog reads;

    ReadLogController(ReadLog reads) {
        this.reads = reads;
    }

    @GetMapping("/api/audit/reads")
    @PreAuthorize("hasAnyRole('auditors', 'camunda-admin')")
    @Operation(summary = "Who read a case's or a person's data (subject: business key or ID number)")
    List<ReadLog.Read> reads(@RequestParam String subject) {
        return reads.of(subject);
    }
}
