package com.yibaoflow.identity;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestUsers;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Our /api requires login against the Camunda identity service; groups are roles. */
@IntegrationTest
class SecurityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObservationRegistry observations;

    @Test
    void anonymousCallsAreUnauthorizedWithAProblemDetail() throws Exception {
        mvc.perform(get("/api/policies/341721/2025"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"YibaoFlow\""))
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void anApiCallIsObservedAsARequestWithoutAnObservationForEachSecurityFilter() throws Exception {
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {
            @Override
            public void onStart(Observation.Context context) {
                seen.add(context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        mvc.perform(get("/api/me").with(as(Department.CIVIL_AFFAIRS))).andExpect(status().isOk());

        assertThat(seen).contains("http.server.requests").noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void aWrongPasswordIsUnauthorized() throws Exception {
        // Camunda throttles a user after a failed login; EDUCATION's test user is used nowhere else
        mvc.perform(get("/api/me").with(httpBasic(TestUsers.userOf(Department.EDUCATION), "wrong")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aUserSeesTheirDepartmentsAndRegion() throws Exception {
        mvc.perform(get("/api/me").with(as(Department.CIVIL_AFFAIRS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value("civil-affairs-user"))
                .andExpect(jsonPath("$.regionCode").value("341721"))
                .andExpect(jsonPath("$.departments[*].groupId").value(hasItem("civil-affairs")))
                .andExpect(jsonPath("$.departments[*].name").value(hasItem("县民政局")));
    }

    @Test
    void aLoginIsRememberedInTheSession() throws Exception {
        HttpSession session = mvc.perform(get("/api/me").with(as(Department.PROVINCIAL_MEDICAL_SECURITY)))
                .andExpect(status().isOk())
                .andReturn()
                .getRequest()
                .getSession(false);
        mvc.perform(get("/api/me").session((MockHttpSession) session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.regionCode").value("340000"));
    }

    @Test
    void healthIsPublicButMetricsNeedAnAdministratorOrAuditor() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(as(Department.TOWNSHIPS))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(as(Department.AUDITORS))).andExpect(status().isOk());
    }

    /** Issue #15 §5: every Caffeine cache of application.yml reports its hits and misses. */
    @Test
    void everyCacheReportsItsHitRateToPrometheus() throws Exception {
        String metrics = mvc.perform(get("/actuator/prometheus").with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String cache : List.of("policy-active-version", "policy-snapshots", "regions", "remembered-logins")) {
            org.assertj.core.api.Assertions.assertThat(metrics)
                    .containsPattern("cache_gets_total\\{[^}]*cache=\"" + cache + "\"[^}]*result=\"hit\"")
                    .containsPattern("cache_gets_total\\{[^}]*cache=\"" + cache + "\"[^}]*result=\"miss\"");
        }
    }

    @Test
    void healthReportsTheDatabaseAndTheEngine() throws Exception {
        mvc.perform(get("/actuator/health").with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.processEngine.status").value("UP"));
    }
}
