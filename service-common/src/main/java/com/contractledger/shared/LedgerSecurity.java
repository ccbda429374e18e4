package com.contractledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;

/**
 * What the HTTP security of every service shares: the five roles, HTTP Basic against {@link LedgerUsers} and,
 * when an identity provider is configured, its bearer tokens ({@link OidcTokens}), no sessions, 401 and 403 as
 * problems, failed logins throttled ({@link LoginThrottling}). Each side adds a chain for its own endpoints
 * ({@link #API_CHAINS}); the chain here takes the rest: health for anyone, the other actuator endpoints for ADMIN,
 * anything else authenticated.
 */
@Configuration
public class LedgerSecurity {

    public static final String BUYER = "BUYER";
    public static final String AUDITOR = "AUDITOR";
    public static final String COMPLIANCE = "COMPLIANCE";
    public static final String DASHBOARD = "DASHBOARD";
    public static final String ADMIN = "ADMIN";

    /** Order of the sides' API chains, ahead of the catch-all chain here; their request matchers do not overlap. */
    public static final int API_CHAINS = 1;

    /**
     * Order of the browser's chains (the console signed in with a session), ahead of the API chains: a request of the
     * console's matches one of these first, any other falls through to the API chains unchanged.
     */
    public static final int BROWSER_CHAINS = API_CHAINS - 1;

    /** A read: GET, or HEAD, which runs the same handler and answers what GET would, without the body. */
    public static final RequestMatcher READ = request -> HttpMethod.GET.matches(request.getMethod())
            || HttpMethod.HEAD.matches(request.getMethod());

    /** {@code http} with the ledger's authentication and its problem answers; the caller adds matcher and rules. */
    public static HttpSecurity ledgerDefaults(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        LoginThrottling throttling = context.getBean(LoginThrottling.class);
        boolean tokens = OidcSettings.configured(context.getEnvironment());
        return bearerTokens(http, objectMapper).csrf(csrf -> csrf.disable())
                .headers(LedgerSecurity::writeHeadersEagerly)
                .addFilterBefore(throttling.filter(), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(authenticationRequired(objectMapper, tokens)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(authenticationRequired(objectMapper, tokens))
                        .accessDeniedHandler(forbidden(objectMapper)));
    }

    /** Bearer tokens of the identity provider on {@code http}, when one is configured (as in {@link #ledgerDefaults}). */
    public static HttpSecurity bearerTokens(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        OidcTokens.apply(http, objectMapper);
        return http;
    }

    /**
     * The security headers written on the request's own thread, before anything runs: written when the response
     * commits, they could race a stream's first event sent from another thread (Tomcat's headers are not thread-safe).
     */
    public static void writeHeadersEagerly(HeadersConfigurer<HttpSecurity> headers) {
        headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
    }

    /** 403 as a problem naming what the role may not do. */
    public static AccessDeniedHandler forbidden(ObjectMapper objectMapper) {
        return (request, response, e) -> writeProblem(request, response, objectMapper, HttpStatus.FORBIDDEN,
                "Forbidden", "your role may not " + request.getMethod() + " " + request.getRequestURI());
    }

    /** A request without credentials: what it may send, bearer tokens first when an identity provider is configured. */
    private static AuthenticationEntryPoint authenticationRequired(ObjectMapper objectMapper, boolean tokens) {
        return (request, response, e) -> {
            if (tokens) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Contract Ledger\"");
            }
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Contract Ledger\"");
            writeProblem(request, response, objectMapper, HttpStatus.UNAUTHORIZED, "Authentication required",
                    tokens ? "send a bearer token from the identity provider (HTTP Basic for service users)"
                            : "send HTTP Basic credentials");
        };
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain serviceSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        return ledgerDefaults(http, objectMapper)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the API's description holds no data; clients are generated from it before they have users
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // the error page renders failures of other requests; asked for directly it is not a resource
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").denyAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * No observation of each filter of the chain, each authentication and each authorization: Spring Security wraps
     * every filter of every request in one when an observation registry is present. The requests themselves are
     * still observed ({@code http_server_requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * A request the firewall refuses (a header value with bytes it does not accept, an encoded slash or dot segment in
     * the path) is malformed: 400 as a problem, not the container's 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
        return (request, response, rejected) -> writeProblem(request, response, objectMapper, HttpStatus.BAD_REQUEST,
                "Malformed request", "the request line or a header holds characters or sequences that are refused");
    }

    /**
     * Writes a refusal. A body the request came with is not read: the answer says the connection closes, and
     * {@link ProblemErrorReportValve} keeps Tomcat from reading the rest of the body first, for which a client
     * trickling it could hold a worker thread as long as it likes.
     */
    public static void writeProblem(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper,
                             HttpStatus status, String title, String detail) throws IOException {
        if (hasUnreadBody(request)) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        ProblemDetail problem = ProblemTypes.typed(ProblemDetail.forStatusAndDetail(status, detail));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    private static boolean hasUnreadBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            return false;
        }
        try {
            return !request.getInputStream().isFinished();
        } catch (IllegalStateException readAsText) {
            return false;
        }
    }
}
