package com.yibaoflow.shared.problem;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue #16 §8: what Spring refuses before a handler runs (wrong media type, wrong method, no such path, a
 * multipart request without its file) and what reaches the container's {@code /error} page (a filter's
 * {@code sendError} or exception) is an RFC 9457 problem too.
 */
@IntegrationTest
class SpringRejectionProblemTests {

    static final String BASE = "https://yibaoflow.github.io/problems/";

    @Autowired
    MockMvc mvc;

    static void isProblem(ResultActions result, int status, String type) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(BASE + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void aWrongMediaTypeIs415() throws Exception {
        isProblem(
                mvc.perform(post("/api/enrollments")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("x")
                        .with(as(Department.CAMUNDA_ADMIN))),
                415,
                "unsupported-media-type");
    }

    @Test
    void aWrongMethodIs405() throws Exception {
        isProblem(
                mvc.perform(delete("/api/enrollments").with(as(Department.CAMUNDA_ADMIN))), 405, "method-not-allowed");
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        isProblem(mvc.perform(get("/api/no-such-thing").with(as(Department.CAMUNDA_ADMIN))), 404, "not-found");
    }

    @Test
    void aMultipartRequestWithoutItsFileIs400NamingThePart() throws Exception {
        isProblem(
                mvc.perform(post("/api/rosters/imports")
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .content("--x\r\nnot a part")
                        .param("department", "civil-affairs")
                        .param("asOf", "2024-10-01")
                        .with(as(Department.CAMUNDA_ADMIN))),
                400,
                "validation");
    }

    @Test
    void theErrorPageAnswersAFiltersRefusalAsAProblem() throws Exception {
        isProblem(
                mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/a;b")
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new RequestRejectedException("semicolon"))
                        .accept(MediaType.TEXT_HTML)),
                400,
                "malformed-request");
    }

    @Test
    void theErrorPageAnswersAFiltersFailureAs500WithoutItsMessage() throws Exception {
        isProblem(
                mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail"))),
                500,
                "internal");
        mvc.perform(get("/error")
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret detail")))
                .andExpect(content().string(not(containsString("secret detail"))));
    }
}
