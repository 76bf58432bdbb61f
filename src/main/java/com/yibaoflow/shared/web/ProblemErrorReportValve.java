package com.yibaoflow.shared.web;

import com.yibaoflow.shared.problem.ProblemType;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's host-level error report as an RFC 9457 problem instead of its HTML page (issue #16 §8). Tomcat answers
 * with this valve when it refuses a request before any application code runs (an encoded {@code ..%2f} path, bad URL
 * encoding, a request that maps to no context) and when an error response reaches the host with no body. The
 * {@code detail} is a fixed sentence per status: never Tomcat's message, never a stack trace.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (throwable != null) {
            log.warn("Request refused by the server with {}: {}", status, throwable.toString());
        }
        ProblemType type = ProblemType.forStatus(status);
        String json = "{\"type\":\"%s\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(type.uri(), type.title(), status, detailOf(status));
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(json.getBytes(StandardCharsets.UTF_8).length);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the error problem: {}", e.toString());
        }
    }

    static String detailOf(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (its path, encoding or headers) and was refused by the server.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not supported here.";
            case 413 -> "The request is too large.";
            case 415 -> "This content type is not supported.";
            default ->
                status < 500
                        ? "The request was refused by the server."
                        : "The request could not be completed. The error has been logged.";
        };
    }
}
