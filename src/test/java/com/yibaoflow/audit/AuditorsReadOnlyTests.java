package com.yibaoflow.audit;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue #20 §5: auditors read and change nothing. Every mapped POST/PUT/PATCH/DELETE handler of our API is found
 * from the handler mapping (a new endpoint cannot be forgotten) and called as an auditor: each answers 403 with a
 * problem detail. Camunda's own authorizations refuse an auditor claiming a task or starting a process.
 */
@IntegrationTest
class AuditorsReadOnlyTests {

    private static final Set<RequestMethod> WRITES =
            EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Test
    void anAuditorIsRefusedEveryWritingEndpoint() throws Exception {
        List<String> tried = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> writes = methods.isEmpty() ? WRITES : EnumSet.noneOf(RequestMethod.class);
                methods.stream().filter(WRITES::contains).forEach(writes::add);
                for (RequestMethod method : writes) {
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    mvc.perform(request(HttpMethod.valueOf(method.name()), path)
                                    .with(as(Department.AUDITORS))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{}"))
                            .andExpect(status().isForbidden())
                            .andExpect(jsonPath("$.status").value(403));
                    tried.add(method + " " + pattern);
                }
            }
        }
        // the known writing endpoints are among those tried: the enumeration found the handlers
        assertThat(tried)
                .contains(
                        "POST /api/enrollments",
                        "POST /api/payments",
                        "POST /api/hardship-verifications",
                        "POST /api/rosters/imports",
                        "POST /api/audit/checkpoints",
                        "PUT /api/policies/{regionCode}/{coverageYear}/versions/{version}");
    }

    @Test
    void theSameWriteIsNotRefusedToItsDepartment() throws Exception {
        // a caseworker's empty application fails validation (400), it is not refused: the 403 above is the auditor's
        mvc.perform(request(HttpMethod.POST, "/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void camundaRefusesAnAuditorStartingAProcess() {
        identity.setAuthentication("auditors-user", List.of(Department.AUDITORS.groupId()));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> runtime.startProcessInstanceByKey("hardship-verification"))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
    }
}
