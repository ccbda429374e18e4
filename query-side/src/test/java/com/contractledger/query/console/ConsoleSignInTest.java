package com.contractledger.query.console;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleSignInTest {

    private HttpServer provider;
    private String base;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private volatile int discoveryStatus = 200;

    @BeforeEach
    void startProvider() throws IOException {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + provider.getAddress().getPort();
        provider.createContext("/", exchange -> {
            try (exchange) {
                discoveryRequests.incrementAndGet();
                byte[] document = ("{\"issuer\": \"" + base + "/realms/r\", "
                        + "\"authorization_endpoint\": \"https://sso.example/realms/r/auth\", "
                        + "\"token_endpoint\": \"https://sso.example:8443/realms/r/token\", "
                        + "\"end_session_endpoint\": \"https://sso.example/realms/r/logout\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(discoveryStatus, document.length);
                exchange.getResponseBody().write(document);
            }
        });
        provider.start();
    }

    @AfterEach
    void stopProvider() {
        provider.stop(0);
    }

    @Test
    void withoutAProviderThePageSignsInByForm() {
        ConsoleSignIn signIn = new ConsoleSignIn(new MockEnvironment());
        assertThat(signIn.throughProvider()).isFalse();
        assertThat(signIn.mode()).isEqualTo(ConsoleSignIn.Mode.form(null));
        assertThat(signIn.tokenOrigin()).isNull();
    }

    @Test
    void withTheProvidersKeysButNoIssuerThePageSignsInByFormAndSaysWhy() {
        ConsoleSignIn signIn = new ConsoleSignIn(new MockEnvironment()
                .withProperty("ledger.oidc.jwk-set-uri", base + "/certs"));
        assertThat(signIn.throughProvider()).isFalse();
        assertThat(signIn.mode().mode()).isEqualTo("form");
        assertThat(signIn.mode().note()).isEqualTo(ConsoleSignIn.NO_ISSUER);
        assertThat(discoveryRequests).hasValue(0);
    }

    @Test
    void withAnIssuerThePageSignsInThroughTheEndpointsOfItsDiscoveryDocument() {
        ConsoleSignIn signIn = new ConsoleSignIn(new MockEnvironment()
                .withProperty("ledger.oidc.issuer-uri", base + "/realms/r/")
                .withProperty("ledger.oidc.console-client-id", "the-console"));
        assertThat(signIn.mode()).isEqualTo(new ConsoleSignIn.Mode("provider", "https://sso.example/realms/r/auth",
                "https://sso.example:8443/realms/r/token", "https://sso.example/realms/r/logout", "the-console",
                "openid profile", null));
        assertThat(signIn.tokenOrigin()).isEqualTo("https://sso.example:8443");
        assertThat(discoveryRequests).as("read once").hasValue(1);
        assertThat(ConsoleSecurity.policy(signIn.tokenOrigin())).startsWith("default-src 'self';")
                .endsWith("; connect-src 'self' https://sso.example:8443");
        assertThat(ConsoleSecurity.policy(null)).doesNotContain("connect-src");
    }

    @Test
    void theDiscoveryDocumentMayBeReadWhereTheLedgerReachesTheProvider() {
        ConsoleSignIn signIn = new ConsoleSignIn(new MockEnvironment()
                .withProperty("ledger.oidc.issuer-uri", "https://sso.example/realms/r")
                .withProperty("ledger.oidc.discovery-uri", base + "/internal/.well-known/openid-configuration"));
        assertThat(signIn.mode().clientId()).isEqualTo("ledger-console");
        assertThat(signIn.mode().authorizationEndpoint()).isEqualTo("https://sso.example/realms/r/auth");
    }

    @Test
    void aProviderThatDoesNotAnswerIsAskedAgainOnlyAfterAPause() {
        discoveryStatus = 503;
        ConsoleSignIn signIn = new ConsoleSignIn(new MockEnvironment()
                .withProperty("ledger.oidc.issuer-uri", base + "/realms/r"));
        assertThatThrownBy(signIn::mode).isInstanceOf(ConsoleSignIn.ProviderUnavailable.class);
        assertThatThrownBy(signIn::mode).isInstanceOf(ConsoleSignIn.ProviderUnavailable.class);
        assertThat(signIn.tokenOrigin()).isNull();
        assertThat(discoveryRequests).hasValue(1);
    }
}
