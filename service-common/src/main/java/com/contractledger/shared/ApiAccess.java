package com.contractledger.shared;

import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

import static com.contractledger.shared.LedgerSecurity.ADMIN;
import static com.contractledger.shared.LedgerSecurity.AUDITOR;
import static com.contractledger.shared.LedgerSecurity.BUYER;
import static com.contractledger.shared.LedgerSecurity.COMPLIANCE;
import static com.contractledger.shared.LedgerSecurity.DASHBOARD;

/**
 * Who may call which part of the API, as one table tried from the top: the security chains enforce it and the API
 * description ({@link ApiDescription}) states it for every operation, so the two cannot disagree.
 */
public final class ApiAccess {

    /** Which calls a rule is about: reads are GET and HEAD, writes everything else. */
    public enum Calls { READS, WRITES, ANY }

    public record Rule(Calls calls, List<String> paths, List<String> roles) {

        boolean matches(String method, String path) {
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            boolean calls = this.calls == Calls.ANY || (this.calls == Calls.READS) == read;
            return calls && paths.stream().anyMatch(pattern ->
                    PathPatternParser.defaultInstance.parse(pattern).matches(PathContainer.parsePath(path)));
        }

        RequestMatcher requestMatcher() {
            PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
            RequestMatcher paths = new OrRequestMatcher(this.paths.stream()
                    .<RequestMatcher>map(builder::matcher).toList());
            return switch (calls) {
                case READS -> new AndRequestMatcher(LedgerSecurity.READ, paths);
                case WRITES -> new AndRequestMatcher(new NegatedRequestMatcher(LedgerSecurity.READ), paths);
                case ANY -> paths;
            };
        }
    }

    public static final List<Rule> RULES = List.of(
            new Rule(Calls.ANY, List.of("/api/admin/**", "/api/webhooks/**"), List.of(ADMIN)),
            new Rule(Calls.WRITES, List.of("/api/**"), List.of(BUYER)),
            new Rule(Calls.READS, List.of("/api/contracts/*/history"), List.of(BUYER, AUDITOR, COMPLIANCE)),
            new Rule(Calls.READS, List.of("/api/contracts/*/state", "/api/contracts/*/events", "/api/suppliers/*/state",
                    "/api/suppliers/*/events", "/api/audit/**"), List.of(AUDITOR, COMPLIANCE)),
            new Rule(Calls.READS, List.of("/api/**"), List.of(BUYER, AUDITOR, COMPLIANCE, DASHBOARD, ADMIN)));

    private ApiAccess() {
    }

    /** The table as a chain's authorization rules; a request no rule names is refused. */
    public static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        RULES.forEach(rule -> requests.requestMatchers(rule.requestMatcher())
                .hasAnyRole(rule.roles().toArray(String[]::new)));
        requests.anyRequest().denyAll();
    }

    /** The roles that may make a call, by the first rule that names it; none when no rule does. */
    public static List<String> rolesFor(String method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst().map(Rule::roles).orElse(List.of());
    }
}
