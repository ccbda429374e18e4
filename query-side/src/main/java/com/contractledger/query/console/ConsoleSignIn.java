package com.contractledger.query.console;

import com.contractledger.shared.OidcSettings;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * How people sign in to the console. With an identity provider whose issuer is configured, through the provider: the
 * page runs the authorization code flow with PKCE (S256) as the public client {@code ledger.oidc.console-client-id},
 * against the endpoints of the issuer's discovery document (or {@code ledger.oidc.discovery-uri}, where the ledger
 * reaches the provider under another name). Otherwise by form, against the ledger's own users — which, when only a
 * JWK-set URI is configured, are the configured service users alone, and the page says so.
 */
@Component
class ConsoleSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSignIn.class);
    private static final String SCOPE = "openid profile";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final String NO_ISSUER = "The identity provider's issuer is not configured (ledger.oidc.issuer-uri), only "
            + "its keys: people cannot sign in through it here, only users configured in the ledger can.";

    /** What {@code GET /console/config} tells the page; null fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Mode(String mode, String authorizationEndpoint, String tokenEndpoint, String endSessionEndpoint,
                String clientId, String scope, String note) {

        static Mode form(String note) {
            return new Mode("form", null, null, null, null, null, note);
        }
    }

    /** The provider could not be asked for its endpoints. */
    static final class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final URI discovery;
    private final String clientId;
    private final Mode formMode;
    private final RestClient http;
    private volatile Mode providerMode;
    private volatile ProviderUnavailable lastFailure;
    private volatile long lastFailureAt;

    ConsoleSignIn(Environment environment) {
        String issuer = OidcSettings.issuerUri(environment);
        String discoveryUri = environment.getProperty("ledger.oidc.discovery-uri");
        this.discovery = issuer == null ? null : URI.create(discoveryUri != null && !discoveryUri.isBlank()
                ? discoveryUri : issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        this.clientId = environment.getProperty("ledger.oidc.console-client-id", "ledger-console");
        this.formMode = Mode.form(discovery == null && OidcSettings.configured(environment) ? NO_ISSUER : null);
        if (formMode.note() != null) {
            LOG.warn("Console: {}", NO_ISSUER);
        }
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    boolean throughProvider() {
        return discovery != null;
    }

    /** The mode, the provider's endpoints read from its discovery document once it has answered. */
    Mode mode() {
        if (!throughProvider()) {
            return formMode;
        }
        Mode known = providerMode;
        if (known != null) {
            return known;
        }
        // asked again at most every few seconds, so that pages do not each wait out a provider that is down
        ProviderUnavailable failure = lastFailure;
        if (failure != null && System.nanoTime() - lastFailureAt < RETRY_AFTER.toNanos()) {
            throw failure;
        }
        try {
            known = discover();
        } catch (ProviderUnavailable e) {
            LOG.warn("Console: {}", e.getMessage());
            lastFailureAt = System.nanoTime();
            lastFailure = e;
            throw e;
        }
        providerMode = known;
        return known;
    }

    /** The origin the page fetches tokens from, when it signs in through a provider that has answered; else null. */
    String tokenOrigin() {
        if (!throughProvider()) {
            return null;
        }
        try {
            // scheme, host and port only: nothing of the provider's document but an origin goes into the policy
            URI token = URI.create(mode().tokenEndpoint());
            return token.getScheme() + "://" + token.getHost() + (token.getPort() < 0 ? "" : ":" + token.getPort());
        } catch (ProviderUnavailable notYet) {
            return null;
        }
    }

    private Mode discover() {
        Map<String, Object> document;
        try {
            document = http.get().uri(discovery).retrieve().body(new ParameterizedTypeReference<>() {
            });
        } catch (RestClientException e) {
            throw new ProviderUnavailable("the identity provider's discovery document could not be read at "
                    + discovery, e);
        }
        String authorization = endpoint(document, "authorization_endpoint");
        String token = endpoint(document, "token_endpoint");
        if (authorization == null || token == null) {
            throw new ProviderUnavailable("the discovery document at " + discovery
                    + " names no authorization or token endpoint", null);
        }
        return new Mode("provider", authorization, token, endpoint(document, "end_session_endpoint"), clientId, SCOPE,
                null);
    }

    private static String endpoint(Map<String, Object> document, String name) {
        Object value = document == null ? null : document.get(name);
        if (!(value instanceof String uri) || uri.isBlank()) {
            return null;
        }
        try {
            URI parsed = new URI(uri);
            return ("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme())) && parsed.getHost() != null
                    ? uri : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
