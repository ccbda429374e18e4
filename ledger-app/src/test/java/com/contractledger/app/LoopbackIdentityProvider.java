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
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An OpenID Connect provider as the ledger sees one, played by a test: it holds an RSA signing key, serves its
 * discovery document and JWK set over loopback as Keycloak lays them out under a realm, and signs the tokens the test
 * asks for. Taken down, it answers 503 to everything, as a proxy in front of a stopped provider does.
 * <p>
 * It is also a minimal authorization server for one public client ({@link #register}): {@code /auth} signs in the
 * user the test chose ({@link #signInAs}) without a form and sends the browser back with a code; {@code /token} gives
 * that code's access token only to the same client and redirect URI with the verifier of the code's S256 challenge,
 * answering the client's origin with CORS headers; {@code /logout} ends the session and goes back where it is told.
 */
final class LoopbackIdentityProvider implements AutoCloseable {

    static final String AUDIENCE = "contract-ledger";
    private static final String REALM = "/realms/ledger";

    private final RSAKey key;
    private final HttpServer server;
    private final String issuer;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private volatile boolean up = true;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<Map<String, String>> endedSessions = new CopyOnWriteArrayList<>();
    private volatile Client client;
    private volatile Person signingIn;

    /** The public client: its id, the pages it may be sent back to after signing in or out, and their origins. */
    private record Client(String id, Set<String> redirectUris, Set<String> origins) {
    }

    private record Person(String name, List<String> roles) {
    }

    private record Grant(Person person, String clientId, String redirectUri, String challenge) {
    }

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
        String oidc = own + "/protocol/openid-connect";
        byte[] discovery = ("{\"issuer\": \"" + provider.issuer + "\", \"jwks_uri\": \"" + oidc + "/certs\", "
                + "\"authorization_endpoint\": \"" + oidc + "/auth\", \"token_endpoint\": \"" + oidc + "/token\", "
                + "\"end_session_endpoint\": \"" + oidc + "/logout\", "
                + "\"code_challenge_methods_supported\": [\"S256\"], "
                + "\"id_token_signing_alg_values_supported\": [\"RS256\"]}").getBytes(StandardCharsets.UTF_8);
        server.createContext(REALM + "/.well-known/openid-configuration", exchange -> {
            provider.discoveryRequests.incrementAndGet();
            provider.answer(exchange, discovery);
        });
        server.createContext(REALM + "/protocol/openid-connect/certs", exchange -> provider.answer(exchange, jwks));
        server.createContext(REALM + "/protocol/openid-connect/auth", provider::authorize);
        server.createContext(REALM + "/protocol/openid-connect/token", provider::token);
        server.createContext(REALM + "/protocol/openid-connect/logout", provider::endSession);
        server.start();
        return provider;
    }

    private void answer(HttpExchange exchange, byte[] json) throws IOException {
        answer(exchange, 200, json);
    }

    private void answer(HttpExchange exchange, int status, byte[] json) throws IOException {
        try (exchange) {
            if (!up) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    /** The console as the one client, sent back to one of {@code redirectUris} after signing in and out. */
    void register(String clientId, String... redirectUris) {
        Set<String> origins = Arrays.stream(redirectUris).map(URI::create)
                .map(uri -> uri.getScheme() + "://" + uri.getRawAuthority()).collect(Collectors.toSet());
        client = new Client(clientId, Set.of(redirectUris), origins);
    }

    /** Who the next visit to the authorization endpoint signs in, as if they had typed their password. */
    void signInAs(String name, String... roles) {
        signingIn = new Person(name, List.of(roles));
    }

    /** The query of each visit to the end-session endpoint, in order. */
    List<Map<String, String>> endedSessions() {
        return endedSessions;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Client known = client;
        Person person = signingIn;
        String redirectUri = query.get("redirect_uri");
        if (known == null || person == null || !known.id().equals(query.get("client_id"))
                || !known.redirectUris().contains(redirectUri)
                || !"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))
                || query.getOrDefault("code_challenge", "").isEmpty()) {
            answer(exchange, 400, error("invalid_request"));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(person, known.id(), redirectUri, query.get("code_challenge")));
        redirect(exchange, redirectUri + "?code=" + code + "&state="
                + URLEncoder.encode(query.getOrDefault("state", ""), StandardCharsets.UTF_8));
    }

    private void token(HttpExchange exchange) throws IOException {
        Client known = client;
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (known != null && known.origins().contains(origin)) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", origin);
            exchange.getResponseHeaders().add("Vary", "Origin");
        }
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "Content-Type");
            try (exchange) {
                exchange.sendResponseHeaders(204, -1);
            }
            return;
        }
        tokenRequests.incrementAndGet();
        Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8));
        Grant grant = codes.remove(request.getOrDefault("code", ""));
        if (!"POST".equals(exchange.getRequestMethod())
                || !"authorization_code".equals(request.get("grant_type")) || grant == null
                || !grant.clientId().equals(request.get("client_id"))
                || !grant.redirectUri().equals(request.get("redirect_uri"))
                || !grant.challenge().equals(s256(request.getOrDefault("code_verifier", "")))) {
            answer(exchange, 400, error("invalid_grant"));
            return;
        }
        try {
            String token = sign(new JWTClaimsSet.Builder(claims(grant.person().name() + "@example.com",
                    grant.person().roles().toArray(String[]::new)))
                    .claim("preferred_username", grant.person().name()).build());
            answer(exchange, ("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", "
                    + "\"expires_in\": 300}").getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            answer(exchange, 500, error("server_error"));
        }
    }

    private void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        endedSessions.add(query);
        Client known = client;
        String back = query.get("post_logout_redirect_uri");
        if (known == null || !known.id().equals(query.get("client_id")) || !known.redirectUris().contains(back)) {
            answer(exchange, 400, error("invalid_request"));
            return;
        }
        redirect(exchange, back);
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private static byte[] error(String code) {
        return ("{\"error\": \"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** A PKCE S256 challenge: the verifier's SHA-256, base64url without padding. */
    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    String issuer() {
        return issuer;
    }

    /** Where the keys are served, on loopback whatever the issuer. */
    String jwkSetUri() {
        return endpoint("certs");
    }

    /** Where the endpoint named {@code name} (auth, token, logout, certs) is served, on loopback. */
    String endpoint(String name) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM + "/protocol/openid-connect/" + name;
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    /** How many codes were brought to the token endpoint (preflights aside). */
    int tokenRequests() {
        return tokenRequests.get();
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
