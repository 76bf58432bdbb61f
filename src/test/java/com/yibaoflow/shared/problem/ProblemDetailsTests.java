package com.yibaoflow.shared.problem;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Bad input always gets an RFC 9457 problem detail with a stable type, never a stack trace. */
@IntegrationTest
class ProblemDetailsTests {

    private static final String DRAFTS = "/api/policies/341702/2025/versions";

    @Autowired
    MockMvc mvc;

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(post(DRAFTS)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parameters\": {"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/malformed-request"))
                .andExpect(jsonPath("$.detail").value("The request body is not valid JSON."))
                .andExpect(content().string(not(containsString("at com."))));
    }

    @Test
    void anUnknownFieldIsNamed() throws Exception {
        mvc.perform(post(DRAFTS)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parameterz\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("parameterz"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsPath() throws Exception {
        mvc.perform(
                        post(DRAFTS)
                                .with(as(Department.CAMUNDA_ADMIN))
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"parameters\": {\"funding\": {\"individualStandard\": \"lots\"}}, \"provenance\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.funding.individualStandard"));
    }

    @Test
    void missingRequiredFieldsAreNamed() throws Exception {
        mvc.perform(post(DRAFTS)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'parameters')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'provenance')]").exists());
    }

    @Test
    void aMissingBodyIsABadRequest() throws Exception {
        mvc.perform(post(DRAFTS).with(as(Department.CAMUNDA_ADMIN)).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/malformed-request"));
    }

    @Test
    void anUnsupportedMediaTypeAndMethodAreProblems() throws Exception {
        mvc.perform(post(DRAFTS)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/unsupported-media-type"));
        mvc.perform(post("/api/regions").with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/method-not-allowed"));
    }

    @Test
    void anUnknownApiPathIsNotFound() throws Exception {
        mvc.perform(get("/api/nothing-here").with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/not-found"));
    }
}
