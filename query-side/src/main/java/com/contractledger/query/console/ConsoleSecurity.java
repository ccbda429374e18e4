package com.contractledger.query.console;

import com.contractledger.shared.LedgerSecurity;
import com.contractledger.shared.LoginThrottling;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The console's pages and its sign-in: a form login against the ledger's users (throttled like HTTP Basic), a session
 * cookie, and CSRF protection by a token the page reads from the {@code XSRF-TOKEN} cookie and sends back in the
 * {@code X-XSRF-TOKEN} header (the login, the logout and a replay). Pages and scripts hold no data: the pages call the
 * read API with the session ({@code QuerySecurity}), which decides what each role may read.
 * <p>
 * When people sign in through the identity provider ({@link ConsoleSignIn}) the page holds the provider's access token
 * instead and sends it as a bearer token, to the API and to {@link ConsoleController#SESSION}; the pages are public
 * then, and the page may fetch from the provider's token endpoint ({@code connect-src}).
 */
@Configuration
public class ConsoleSecurity {

    static final String LOGIN = "/console/login";
    private static final String SESSION_COOKIE = "JSESSIONID";
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The console's pages and scripts, which hold no data: public when the page signs in with a bearer token. */
    private static final String[] PAGES = {"/console", "/console/", "/console/index.html"};

    /** The token in a cookie the console's script reads, sent back in a header: no token in any page or session. */
    @Bean
    CsrfTokenRepository consoleCsrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return tokens;
    }

    @Bean
    @Order(LedgerSecurity.BROWSER_CHAINS)
    SecurityFilterChain consolePages(HttpSecurity http, ObjectMapper objectMapper,
                                     CsrfTokenRepository consoleCsrfTokens, LoginThrottling throttling,
                                     ConsoleSignIn signIn) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher login = paths.matcher(HttpMethod.POST, LOGIN);
        if (signIn.throughProvider()) {
            // the page asks who is signed in with the provider's token
            LedgerSecurity.bearerTokens(http, objectMapper);
        }
        return sessionDefaults(http, objectMapper, consoleCsrfTokens)
                .securityMatcher(new OrRequestMatcher(paths.matcher("/console"), paths.matcher("/console/**"),
                        paths.matcher("/webjars/**")))
                .headers(headers -> headers.addHeaderWriter((request, response) ->
                        response.setHeader("Content-Security-Policy", policy(signIn.tokenOrigin()))))
                .addFilterAfter(new CsrfCookie(), CsrfFilter.class)
                .addFilterBefore(throttling.formLoginFilter(login), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .successHandler((request, response, authentication) ->
                                response.setStatus(HttpStatus.NO_CONTENT.value()))
                        .failureHandler((request, response, e) -> LedgerSecurity.writeProblem(request, response,
                                objectMapper, HttpStatus.UNAUTHORIZED, "Sign-in failed",
                                "the user name or the password is wrong")))
                .logout(logout -> logout.logoutUrl("/console/logout").deleteCookies(SESSION_COOKIE)
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor((request, response, e) ->
                        LedgerSecurity.writeProblem(request, response, objectMapper, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "sign in to the console"),
                        paths.matcher(ConsoleController.SESSION)))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(LOGIN, "/console/login.html", "/console/assets/**", "/webjars/**",
                                    ConsoleController.CONFIG).permitAll();
                    if (signIn.throughProvider()) {
                        requests.requestMatchers(PAGES).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .build();
    }

    /** The page may fetch from its own origin and, in provider mode, from the provider's token endpoint. */
    static String policy(String tokenOrigin) {
        return tokenOrigin == null ? POLICY : POLICY + "; connect-src 'self' " + tokenOrigin;
    }

    /**
     * What the console's chains share: the console's CSRF tokens (the request's token as sent, without the masking
     * that guards tokens written into pages) and 403 as a problem, saying so when it is the token that is missing.
     */
    public static HttpSecurity sessionDefaults(HttpSecurity http, ObjectMapper objectMapper,
                                               CsrfTokenRepository consoleCsrfTokens) throws Exception {
        AccessDeniedHandler forbidden = LedgerSecurity.forbidden(objectMapper);
        return http.csrf(csrf -> csrf.csrfTokenRepository(consoleCsrfTokens)
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) -> {
                    if (e instanceof CsrfException) {
                        LedgerSecurity.writeProblem(request, response, objectMapper, HttpStatus.FORBIDDEN,
                                "Forbidden", "the request carries no valid CSRF token; reload the page");
                    } else {
                        forbidden.handle(request, response, e);
                    }
                }));
    }

    /** Loads the deferred token on every page request, so that the cookie is (re)written before the page needs it. */
    private static final class CsrfCookie extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (token != null) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
