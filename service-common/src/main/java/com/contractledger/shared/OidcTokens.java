package com.contractledger.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bearer JWTs from an OpenID Connect provider, on when an issuer or JWK-set URI is configured under {@code ledger.oidc}
 * or Spring's {@code spring.security.oauth2.resourceserver.jwt}. A token must be signed by the provider, carry the
 * configured audience, be within its lifetime (give or take the clock skew) and come from the issuer when one is
 * configured. Its roles are read from a claim path and only the ledger's five count; the actor is a claim of its own.
 * HTTP Basic stays for the configured service users; the embedded demo users are off ({@link LedgerUsers}).
 */
@Configuration
@EnableConfigurationProperties(OidcTokens.Properties.class)
class OidcTokens {

    private static final String SPRING_JWT = OidcSettings.SPRING_JWT;
    private static final Duration PROVIDER_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Set<String> ROLES = Set.of(LedgerSecurity.BUYER, LedgerSecurity.AUDITOR,
            LedgerSecurity.COMPLIANCE, LedgerSecurity.DASHBOARD, LedgerSecurity.ADMIN);

    @ConfigurationProperties("ledger.oidc")
    record Properties(String issuerUri, String jwkSetUri, String audience,
                      @DefaultValue("realm_access.roles") String rolesClaim,
                      @DefaultValue("preferred_username") String actorClaim,
                      @DefaultValue("30s") Duration clockSkew) {
    }

    static class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return OidcSettings.configured(context.getEnvironment());
        }
    }

    /** Spring Boot's own decoder steps back for this one: one set of rules whichever namespace configures it. */
    @Bean
    @Conditional(Configured.class)
    JwtDecoder jwtDecoder(Environment environment, Properties properties) {
        String issuer = OidcSettings.issuerUri(environment);
        String jwkSet = OidcSettings.jwkSetUri(environment);
        String audience = properties.audience() != null && !properties.audience().isBlank() ? properties.audience()
                : Binder.get(environment).bind(SPRING_JWT + "audiences", Bindable.listOf(String.class))
                        .orElse(List.of()).stream().findFirst().orElse(null);
        if (audience == null) {
            throw new IllegalStateException("ledger.oidc.audience is not set: without it a token the identity provider "
                    + "issued for any other application would be accepted here");
        }
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtAudienceValidator(audience)));
        if (issuer != null) {
            rules.add(new JwtIssuerValidator(issuer));
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(rules);
        // Built on first use, so that a provider down at start-up does not keep the ledger from starting; built again
        // at the next request after a failed attempt.
        JwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (jwkSet != null ? NimbusJwtDecoder.withJwkSetUri(jwkSet)
                    : NimbusJwtDecoder.withIssuerLocation(issuer)).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException unreachable) {
                // not a bad token: the provider's discovery document or keys could not be had
                throw new JwtException("the identity provider could not be reached", unreachable);
            }
        };
    }

    /** Adds bearer tokens to a chain when a provider is configured; 401 answers say why, as RFC 6750 asks. */
    static void apply(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        JwtDecoder decoder = context.getBeanProvider(JwtDecoder.class).getIfAvailable();
        if (decoder == null) {
            return;
        }
        Properties properties = context.getBean(Properties.class);
        LoginThrottling throttling = context.getBean(LoginThrottling.class);
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint invalidToken = (request, response, e) -> {
            bearer.commence(request, response, e);
            HttpStatus status = HttpStatus.valueOf(response.getStatus());
            LedgerSecurity.writeProblem(request, response, objectMapper, status, "Invalid token",
                    "the bearer token is expired, not for this service or not signed by the identity provider");
        };
        // A token that could not be checked because the provider is unreachable (a JwtException that is not a
        // BadJwtException) is no reason to sign in again: 503, where Spring Security would rethrow it as a 500.
        AuthenticationFailureHandler failures = (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(PROVIDER_RETRY_AFTER.toSeconds()));
                LedgerSecurity.writeProblem(request, response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE,
                        "Identity provider unavailable", "the identity provider's keys could not be fetched to check "
                                + "the bearer token; retry shortly");
            } else {
                throttling.bearerFailed(request);
                invalidToken.commence(request, response, e);
            }
        };
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(token -> authentication(token, properties)))
                .authenticationEntryPoint(invalidToken)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
    }

    static JwtAuthenticationToken authentication(Jwt token, Properties properties) {
        String actor = token.getClaimAsString(properties.actorClaim());
        return new JwtAuthenticationToken(token, roles(token, properties.rolesClaim()),
                actor == null || actor.isBlank() ? token.getSubject() : actor);
    }

    /** The ledger's roles named at a claim path such as {@code realm_access.roles}, case aside; others are ignored. */
    static List<GrantedAuthority> roles(Jwt token, String claimPath) {
        Object value = token.getClaims();
        for (String step : claimPath.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String string ? List.of(string.split("[\\s,]+")) : List.of();
        return names.stream()
                .map(name -> String.valueOf(name).toUpperCase(Locale.ROOT))
                .filter(ROLES::contains)
                .distinct()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
