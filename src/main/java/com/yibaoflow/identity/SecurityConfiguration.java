package com.yibaoflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.shared.problem.ProblemType;
import com.yibaoflow.shared.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Our {@code /api/**} (and the dashboard page, {@code /dashboard}) requires login (HTTP Basic, remembered in the session) against the Camunda identity service;
 * groups are roles. The Camunda webapps authenticate themselves; the engine REST API gets Camunda's own Basic filter.
 * Every 401/403 is a problem detail.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * No Spring Security observations: otherwise each of its dozen filters, every authentication and every method
     * check is wrapped in an observation of its own, a dozen timers per API call (observation and metrics code took
     * 9 % of an intake's HTTP time in the load harness profile, docs/benchmarks.md), and switched off by property the
     * wrappers stay in every call. {@code http.server.requests} still times every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    private static final java.util.Set<String> READ_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    private static boolean notAnAuditor(org.springframework.security.core.Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream()
                        .noneMatch(a -> a.getAuthority().equals("ROLE_" + Roles.AUDITOR));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"YibaoFlow\"");
            write(
                    response,
                    objectMapper,
                    Problems.of(ProblemType.UNAUTHORIZED, "Log in with your Tasklist user and password (HTTP Basic)."));
        };
        AccessDeniedHandler deniedHandler = (request, response, e) -> {
            var authentication = SecurityContextHolder.getContext().getAuthentication();
            if (e instanceof CsrfException
                    && (authentication == null
                            || !authentication.isAuthenticated()
                            || authentication instanceof AnonymousAuthenticationToken)) {
                // no credentials and no logged-in session: the CSRF check fails first, but the client is not logged in
                entryPoint.commence(request, response, new InsufficientAuthenticationException(e.getMessage()));
                return;
            }
            write(
                    response,
                    objectMapper,
                    e instanceof CsrfException
                            ? Problems.of(
                                    ProblemType.FORBIDDEN,
                                    "CSRF token missing or invalid: send HTTP Basic credentials with each request, or the session's CSRF token (header X-CSRF-TOKEN).")
                            : Problems.of(ProblemType.FORBIDDEN, "Your department may not do this."));
        };
        SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        // the supervisor dashboard's page and scripts (issue #21 §4) need the same login as the API they read
        http.securityMatcher(
                        "/api/**",
                        "/dashboard",
                        "/dashboard/**",
                        // the case page (issue #20 §2); its scripts under /case-page/** hold no data
                        "/cases/**",
                        "/actuator/**",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(Roles.ADMIN, Roles.AUDITOR)
                        // issue #20 §5: auditors read everything and change nothing, whatever the endpoint says
                        .requestMatchers(request -> !READ_METHODS.contains(request.getMethod()))
                        .access((authentication, context) ->
                                new AuthorizationDecision(notAnAuditor(authentication.get())))
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint).securityContextRepository(contexts))
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                // A client that sends its credentials with each request is not exposed to CSRF; one that relies on
                // the session cookie must send the CSRF token.
                .csrf(csrf ->
                        csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null));
        return http.build();
    }

    /** Camunda webapps (own login and CSRF protection) and the engine REST API (Camunda's Basic filter). */
    @Bean
    @Order(2)
    SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static void write(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
