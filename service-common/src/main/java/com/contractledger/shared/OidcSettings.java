package com.contractledger.shared;

import org.springframework.core.env.Environment;

/**
 * Where the identity provider is, as configured under {@code ledger.oidc} or Spring's
 * {@code spring.security.oauth2.resourceserver.jwt}: read here for the tokens ({@link OidcTokens}) and for the
 * console's sign-in alike.
 */
public final class OidcSettings {

    static final String SPRING_JWT = "spring.security.oauth2.resourceserver.jwt.";

    private OidcSettings() {
    }

    /** The issuer's URI, or null. */
    public static String issuerUri(Environment environment) {
        return setting(environment, "ledger.oidc.issuer-uri", SPRING_JWT + "issuer-uri");
    }

    /** The URI of the provider's signing keys, or null. */
    public static String jwkSetUri(Environment environment) {
        return setting(environment, "ledger.oidc.jwk-set-uri", SPRING_JWT + "jwk-set-uri");
    }

    /** Whether an identity provider is configured, in either namespace. */
    public static boolean configured(Environment environment) {
        return issuerUri(environment) != null || jwkSetUri(environment) != null;
    }

    private static String setting(Environment environment, String ledgerName, String springName) {
        String value = environment.getProperty(ledgerName);
        if (value == null || value.isBlank()) {
            value = environment.getProperty(springName);
        }
        return value == null || value.isBlank() ? null : value;
    }
}
