package com.contractledger.query;

import com.contractledger.query.console.ConsoleSecurity;
import com.contractledger.shared.ApiAccess;
import com.contractledger.shared.LedgerSecurity;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The read API (every GET and HEAD under {@code /api}), projection administration and webhooks; who may is
 * {@link ApiAccess}: every role reads, history for BUYER, AUDITOR and COMPLIANCE, audit endpoints for AUDITOR and
 * COMPLIANCE, administration and webhooks for ADMIN.
 * <p>
 * Programs send HTTP Basic and get no session. The console signed in by form calls the same endpoints with its session
 * cookie and no {@code Authorization} header: such a request takes a chain of its own, with the same rules, which reads
 * the session (never creates one), wants the console's CSRF token on the one unsafe call (a replay) and answers 401
 * without a Basic challenge, so that the browser shows no password dialog of its own.
 */
@Configuration
class QuerySecurity {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final RequestMatcher API = new OrRequestMatcher(PATHS.matcher("/api/admin/**"),
            PATHS.matcher("/api/webhooks/**"), new AndRequestMatcher(LedgerSecurity.READ, PATHS.matcher("/api/**")));

    // The cookie header first: the stand-in requests of Spring Security's privilege evaluator answer only headers.
    private static final RequestMatcher CONSOLE_SESSION = request ->
            request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getHeader(HttpHeaders.COOKIE) != null
                    && request.getRequestedSessionId() != null;

    @Bean
    @Order(LedgerSecurity.API_CHAINS)
    SecurityFilterChain queryApiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        return LedgerSecurity.ledgerDefaults(http, objectMapper)
                .securityMatcher(API)
                .authorizeHttpRequests(ApiAccess::authorize)
                .build();
    }

    @Bean
    @Order(LedgerSecurity.BROWSER_CHAINS)
    SecurityFilterChain queryApiForConsole(HttpSecurity http, ObjectMapper objectMapper,
                                           CsrfTokenRepository consoleCsrfTokens) throws Exception {
        return ConsoleSecurity.sessionDefaults(http, objectMapper, consoleCsrfTokens)
                .securityMatcher(new AndRequestMatcher(CONSOLE_SESSION, API))
                .headers(LedgerSecurity::writeHeadersEagerly)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) ->
                        LedgerSecurity.writeProblem(request, response, objectMapper, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "the console's session has ended; sign in again")))
                .authorizeHttpRequests(ApiAccess::authorize)
                .build();
    }
}
