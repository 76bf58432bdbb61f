package com.yibaoflow.shared.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.shared.log.IdNumberMasking;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}) as an RFC 9457 problem, in place of Boot's
 * BasicErrorController (issue #16 §8). Errors reach it that no controller advice sees: a filter that throws or calls
 * {@code sendError} (Spring Security's firewall refusing a path, for one), or a 404 outside Spring MVC. The body is
 * written directly, whatever the request's {@code Accept}, and never carries the exception's message.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ObjectMapper objectMapper;

    ProblemErrorController(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : IdNumberMasking.mask(String.valueOf(uri));
        if (status >= 500) {
            log.error("Unexpected error on {} {}", request.getMethod(), path, exception);
        } else if (exception != null) {
            log.info("Request to {} refused with {}: {}", path, status, exception.toString());
        }
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = Problems.of(type, detailOf(status));
        problem.setStatus(status);
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed and was refused.";
            case 401 -> "Log in with your Tasklist user and password (HTTP Basic).";
            case 403 -> "Your department may not do this.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not supported here.";
            case 413 -> "The request is too large.";
            case 415 -> "This content type is not supported.";
            default ->
                status < 500
                        ? "The request was refused."
                        : "The request could not be completed. The error has been logged.";
        };
    }
}
