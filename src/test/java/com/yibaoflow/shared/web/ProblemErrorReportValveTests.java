package com.yibaoflow.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/**
 * Issue #16 §8: requests Tomcat refuses before any application code are answered with problem JSON, not Tomcat's
 * HTML page. Only the embedded Tomcat with our customizer is started (no application context), and the requests are
 * sent as raw bytes over a socket, since HTTP clients normalise the very paths under test.
 */
class ProblemErrorReportValveTests {

    static WebServer server;

    @BeforeAll
    static void startTomcat() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        new ProblemErrorsOnTomcat().customize(factory);
        server = factory.getWebServer(context -> context.addServlet("ok", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                        resp.setContentType("text/plain");
                        resp.getWriter().write("ok");
                    }
                })
                .addMapping("/*"));
        server.start();
    }

    @AfterAll
    static void stopTomcat() {
        server.stop();
    }

    static String send(String requestLine) throws IOException {
        try (Socket socket = new Socket("localhost", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"GET /api/..%2f..%2fetc/passwd HTTP/1.1", "GET /api/%zz HTTP/1.1", "GET /api/a%00b HTTP/1.1"})
    void aPathTomcatRefusesIsA400ProblemNotAnHtmlPage(String requestLine) throws IOException {
        String response = send(requestLine);
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response.lines()
                        .filter(l -> l.toLowerCase().startsWith("content-type:"))
                        .findFirst())
                .hasValueSatisfying(h -> assertThat(h).contains("application/problem+json"));
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        assertThat(body)
                .startsWith("{\"type\":\"https://yibaoflow.github.io/problems/malformed-request\"")
                .contains("\"status\":400")
                .doesNotContain("<html", "Exception", "Tomcat");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /ok HTTP/1.1"})
    void anOrdinaryRequestStillReachesTheApplication(String requestLine) throws IOException {
        assertThat(send(requestLine)).startsWith("HTTP/1.1 200").endsWith("ok");
    }
}
