package com.contractledger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;

/**
 * Roles of DESIGN §3 over HTTP Basic. BUYER alone writes; every role reads; history for BUYER, AUDITOR and COMPLIANCE;
 * audit endpoints for AUDITOR and COMPLIANCE; administration and metrics for ADMIN; health for anyone.
 */
@Configuration
class SecurityConfiguration {

    static final String BUYER = "BUYER";
    static final String AUDITOR = "AUDITOR";
    static final String COMPLIANCE = "COMPLIANCE";
    static final String DASHBOARD = "DASHBOARD";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Contract Ledger\"");
                    writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED, "Authentication required",
                            "send HTTP Basic credentials");
                }))
                .exceptionHandling(errors -> errors
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, objectMapper,
                                HttpStatus.FORBIDDEN, "Forbidden", "your role may not " + request.getMethod() + " "
                                        + request.getRequestURI())))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/contracts/*/history")
                        .hasAnyRole(BUYER, AUDITOR, COMPLIANCE)
                        .requestMatchers(HttpMethod.GET, "/api/contracts/*/state", "/api/contracts/*/events",
                                "/api/suppliers/*/state", "/api/suppliers/*/events", "/api/audit/**")
                        .hasAnyRole(AUDITOR, COMPLIANCE)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(BUYER, AUDITOR, COMPLIANCE, DASHBOARD, ADMIN)
                        .requestMatchers("/api/**").hasRole(BUYER)
                        .anyRequest().authenticated());
        return http.build();
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
                                     String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
