package com.contractledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses HTTP Basic and form logins with 429 and {@code Retry-After} while their user name or client address is
 * throttled ({@link LoginThrottle}), before the password is checked, and bearer tokens while their client address is;
 * counts the failures and successes Spring Security reports, and the bearer tokens {@link OidcTokens} refuses.
 */
@Component
public class LoginThrottling {

    private final LoginThrottle throttle;
    private final ObjectMapper objectMapper;
    private final BasicAuthenticationConverter credentials = new BasicAuthenticationConverter();

    LoginThrottling(@Value("${ledger.security.login-throttle.failures-per-user:10}") int failuresPerUser,
                    @Value("${ledger.security.login-throttle.failures-per-address:100}") int failuresPerAddress,
                    @Value("${ledger.security.login-throttle.window:5m}") Duration window,
                    ObjectMapper objectMapper) {
        this.throttle = new LoginThrottle(failuresPerUser, failuresPerAddress, window, Clock.systemUTC());
        this.objectMapper = objectMapper;
    }

    /** The filter that goes before HTTP Basic authentication in every chain. */
    OncePerRequestFilter filter() {
        return filter(request -> {
            var login = credentials.convert(request);
            return login == null ? null : login.getName();
        });
    }

    /** The filter that goes before a form login, whose {@code loginRequest}s name the user in {@code username}. */
    public OncePerRequestFilter formLoginFilter(RequestMatcher loginRequest) {
        return filter(request -> loginRequest.matches(request) ? request.getParameter("username") : null);
    }

    /** Refuses the attempt while throttled; {@code userName} is null for a request that is no login attempt. */
    private OncePerRequestFilter filter(Function<HttpServletRequest, String> userName) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                Optional<Duration> wait = Optional.empty();
                String user = userName.apply(request);
                if (user != null) {
                    wait = throttle.refusal(user, request.getRemoteAddr());
                } else if (bearer(request)) {
                    wait = throttle.refusal(null, request.getRemoteAddr());
                }
                if (wait.isPresent()) {
                    long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                    LedgerSecurity.writeProblem(request, response, objectMapper, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many failed logins", "too many failed logins for this user or address; retry in "
                                    + seconds + " s");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** A bearer token refused as invalid: counted for the client's address, a token naming no trusted user. */
    void bearerFailed(HttpServletRequest request) {
        throttle.failed(null, request.getRemoteAddr());
    }

    private static boolean bearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        throttle.failed(attempt.getName(), address(attempt));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
