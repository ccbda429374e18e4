package com.contractledger.app;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenID Connect provider as the ledger sees one, played by a test: it holds an RSA signing key, serves its
 * discovery document and JWK set over loopback as Keycloak lays them out under a realm, and signs the tokens the test
 * asks for. Taken down, it answers 503 to everything, as a proxy in front of a stopped provider does.
 */
final class LoopbackIdentityProvider implements AutoCloseable {

    static final String AUDIENCE = "contract-ledger";
    private static final String REALM = "/realms/ledger";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private volatile boolean up = true;

    private LoopbackIdentityProvider(RSAKey key, HttpServer server, String issuer) {
        this.key = key;
        this.server = server;
        this.issuer = issuer;
    }

    /** A provider whose issuer is its own loopback address, so that its discovery document can be found from it. */
    static LoopbackIdentityProvider start() throws Exception {
        return start(null);
    }

    /**
     * A provider that names {@code issuer} in its tokens and discovery document while serving them on loopback, as a
     * provider reached over an internal network under another name than its public one.
     */
    static LoopbackIdentityProvider start(String issuer) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String own = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        LoopbackIdentityProvider provider = new LoopbackIdentityProvider(key, server, issuer != null ? issuer : own);
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        byte[] discovery = ("{\"issuer\": \"" + provider.issuer + "\", \"jwks_uri\": \"" + own
                + "/protocol/openid-connect/certs\", \"id_token_signing_alg_values_supported\": [\"RS256\"]}")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext(REALM + "/.well-known/openid-configuration", exchange -> {
            provider.discoveryRequests.incrementAndGet();
            provider.answer(exchange, discovery);
        });
        server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> provider.answer(exchange, jwks));
        server.start();
        return provider;
    }

    private void answer(HttpExchange exchange, byte[] json) throws IOException {
        try (exchange) {
            if (!up) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    String issuer() {
        return issuer;
    }

    /** Where the keys are served, on loopback whatever the issuer. */
    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM + "/protocol/openid-connect/certs";
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    void goDown() {
        up = false;
    }

    void comeUp() {
        up = true;
    }

    RSAKey key() {
        return key;
    }

    /** Claims as a Keycloak realm issues them: roles under {@code realm_access.roles}, five minutes to live. */
    JWTClaimsSet claims(String email, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("subject-of-" + email)
                .claim("email", email)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build();
    }

    String sign(JWTClaimsSet claims) throws Exception {
        return sign(claims, key);
    }

    static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** An {@code Authorization} value for a signed token with these claims. */
    String bearer(String email, String... roles) throws Exception {
        return bearer(sign(claims(email, roles)));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
