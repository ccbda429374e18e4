package com.contractledger.app;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger as a resource server of an identity provider the test plays ({@link LoopbackIdentityProvider}), its keys
 * fetched from the JWK set and the issuer checked by name, as when the provider is reached over an internal network.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcTokensIT {

    private static final String ISSUER = "https://idp.example/realms/ledger";

    @TempDir
    static Path dataDir;
    private LoopbackIdentityProvider provider;
    private LedgerProcess ledger;

    @BeforeAll
    void start() throws Exception {
        provider = LoopbackIdentityProvider.start(ISSUER);
        ledger = LedgerProcess.start(dataDir, "--ledger.oidc.jwk-set-uri=" + provider.jwkSetUri(),
                "--ledger.oidc.issuer-uri=" + ISSUER, "--ledger.oidc.audience=" + LoopbackIdentityProvider.AUDIENCE,
                "--ledger.oidc.actor-claim=email",
                "--ledger.security.users[0].name=erp-sync", "--ledger.security.users[0].password={noop}sync secret",
                "--ledger.security.users[0].roles=BUYER");
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
        provider.close();
    }

    @Test
    void each_role_reaches_what_it_may_and_is_refused_elsewhere() throws Exception {
        Map<String, List<String>> allowedByRole = Map.of(
                "BUYER", List.of("POST /api/suppliers", "GET /api/suppliers"),
                "AUDITOR", List.of("GET /api/suppliers", "GET /api/audit/export?format=ndjson"),
                "COMPLIANCE", List.of("GET /api/suppliers", "GET /api/audit/export?format=ndjson"),
                "DASHBOARD", List.of("GET /api/suppliers"),
                "ADMIN", List.of("GET /api/suppliers", "GET /api/admin/projections", "GET /actuator/prometheus"));
        List<String> endpoints = List.of("POST /api/suppliers", "GET /api/suppliers",
                "GET /api/audit/export?format=ndjson", "GET /api/admin/projections", "GET /actuator/prometheus");
        int supplier = 0;
        for (var role : allowedByRole.entrySet()) {
            String bearer = bearer(sign(claims(role.getKey().toLowerCase() + "@example.com", role.getKey())));
            for (String endpoint : endpoints) {
                String path = endpoint.substring(endpoint.indexOf(' ') + 1);
                int status = endpoint.startsWith("POST")
                        ? ledger.post(bearer, path, supplier("sup-role-" + supplier++)).status()
                        : ledger.get(bearer, path).status();
                if (role.getValue().contains(endpoint)) {
                    assertThat(status).as(role.getKey() + " " + endpoint).isBetween(200, 299);
                } else {
                    assertThat(status).as(role.getKey() + " " + endpoint).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void a_token_without_a_ledger_role_is_forbidden() throws Exception {
        String bearer = bearer(sign(claims("visitor@example.com", "offline_access", "uma_authorization")));
        assertThat(ledger.get(bearer, "/api/suppliers").status()).isEqualTo(403);
        assertThat(ledger.post(bearer, "/api/suppliers", supplier("sup-visitor")).status()).isEqualTo(403);
    }

    @Test
    void expired_foreign_unsigned_and_tampered_tokens_are_refused_as_invalid() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet valid = claims("buyer@example.com", "BUYER");
        assertThat(ledger.get(bearer(sign(valid)), "/api/suppliers").status()).isEqualTo(200);

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("expired beyond the clock skew", sign(with(valid, claims -> claims
                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(1)))))));
        refused.put("another issuer", sign(with(valid, claims -> claims.issuer("https://elsewhere.example"))));
        refused.put("another audience", sign(with(valid, claims -> claims.audience("some-other-app"))));
        refused.put("no expiry", sign(with(valid, claims -> claims.expirationTime(null))));
        refused.put("alg none", new PlainJWT(valid).serialize());
        String signed = sign(valid);
        String[] parts = signed.split("\\.");
        String adminPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                with(valid, claims -> claims.claim("realm_access", Map.of("roles", List.of("ADMIN"))))
                        .toString().getBytes(StandardCharsets.UTF_8));
        refused.put("tampered payload", parts[0] + "." + adminPayload + "." + parts[2]);
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        refused.put("signed by another key", sign(valid, foreignKey));
        refused.put("not a JWT", "not-a-token");

        for (var token : refused.entrySet()) {
            LedgerProcess.Reply reply = ledger.get(bearer(token.getValue()), "/api/suppliers");
            assertThat(reply.status()).as(token.getKey()).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).as(token.getKey())
                    .startsWith("Bearer error=\"invalid_token\"");
            assertThat(reply.header("Content-Type")).as(token.getKey()).startsWith("application/problem+json");
        }
    }

    @Test
    void the_actor_in_the_event_metadata_is_the_configured_claim_or_else_the_subject() throws Exception {
        String withEmail = bearer(sign(claims("alice@example.com", "BUYER")));
        assertThat(ledger.post(withEmail, "/api/suppliers", supplier("sup-alice")).status()).isEqualTo(201);
        assertThat(ledger.events("sup-alice").get(0).getMetaData().get("actor")).isEqualTo("alice@example.com");

        String withoutEmail = bearer(sign(with(claims("ignored", "BUYER"), claims -> claims.claim("email", null))));
        assertThat(ledger.post(withoutEmail, "/api/suppliers", supplier("sup-subject")).status()).isEqualTo(201);
        assertThat(ledger.events("sup-subject").get(0).getMetaData().get("actor")).isEqualTo("subject-of-ignored");
    }

    @Test
    void streams_take_the_same_tokens() throws Exception {
        try (SseClient stream = SseClient.connect(ledger.baseUrl(), "/api/stream/contracts",
                bearer(sign(claims("wall@example.com", "DASHBOARD"))), null)) {
            assertThat(stream.status).isEqualTo(200);
        }
        try (SseClient stream = SseClient.connect(ledger.baseUrl(), "/api/stream/contracts",
                bearer(sign(claims("visitor@example.com", "offline_access"))), null)) {
            assertThat(stream.status).isEqualTo(403);
        }
    }

    @Test
    void basic_is_kept_for_configured_service_users_and_the_demo_users_are_off() {
        assertThat(ledger.get("erp-sync", "sync secret", "/api/suppliers").status()).isEqualTo(200);
        assertThat(ledger.get("buyer", "demo", "/api/suppliers").status()).isEqualTo(401);
        LedgerProcess.Reply anonymous = ledger.get(null, "/api/suppliers");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate"))
                .containsExactly("Bearer realm=\"Contract Ledger\"", "Basic realm=\"Contract Ledger\"");
    }

    private JWTClaimsSet claims(String email, String... roles) {
        return provider.claims(email, roles);
    }

    private static JWTClaimsSet with(JWTClaimsSet claims, UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(claims)).build();
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        return provider.sign(claims);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        return LoopbackIdentityProvider.sign(claims, key);
    }

    private static String bearer(String token) {
        return LoopbackIdentityProvider.bearer(token);
    }
}
