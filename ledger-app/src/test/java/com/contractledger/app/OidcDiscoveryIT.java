package com.contractledger.app;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger given only the issuer's URI: the keys are found through the provider's discovery document, on the first
 * request rather than at start-up. The provider is down while the ledger starts, so the tests run in order: first
 * what a client sees then, and then the same ledger once the provider is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcDiscoveryIT {

    @TempDir
    static Path dataDir;
    private LoopbackIdentityProvider provider;
    private LedgerProcess ledger;

    @BeforeAll
    void start() throws Exception {
        provider = LoopbackIdentityProvider.start();
        provider.goDown();
        ledger = LedgerProcess.start(dataDir, "--ledger.oidc.issuer-uri=" + provider.issuer(),
                "--ledger.oidc.audience=" + LoopbackIdentityProvider.AUDIENCE);
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
        provider.close();
    }

    @Test
    @Order(1)
    void with_the_provider_down_the_ledger_starts_and_a_token_gets_503_not_a_failure() throws Exception {
        assertThat(ledger.get(null, "/actuator/health").status()).isEqualTo(200);
        String bearer = provider.bearer("buyer@example.com", "BUYER");

        LedgerProcess.Reply read = ledger.get(bearer, "/api/suppliers");
        assertThat(read.status()).as(read.body()).isEqualTo(503);
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");
        assertThat(read.header("Retry-After")).isEqualTo("5");
        assertThat(read.body()).contains("Identity provider unavailable");

        LedgerProcess.Reply write = ledger.post(bearer, "/api/suppliers", supplier("sup-while-down"));
        assertThat(write.status()).isEqualTo(503);
        assertThat(ledger.events("sup-while-down")).isEmpty();
        assertThat(provider.discoveryRequests()).isPositive();
    }

    @Test
    @Order(2)
    void once_the_provider_is_back_its_tokens_are_accepted_through_discovery() throws Exception {
        provider.comeUp();
        String bearer = provider.bearer("buyer@example.com", "BUYER");
        assertThat(ledger.post(bearer, "/api/suppliers", supplier("sup-discovered")).status()).isEqualTo(201);
        assertThat(ledger.get(bearer, "/api/suppliers").status()).isEqualTo(200);
        assertThat(ledger.get(provider.bearer("auditor@example.com", "AUDITOR"), "/api/suppliers").status())
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void a_token_naming_another_issuer_is_refused() throws Exception {
        provider.comeUp();
        JWTClaimsSet foreign = new JWTClaimsSet.Builder(provider.claims("buyer@example.com", "BUYER"))
                .issuer("https://elsewhere.example/realms/ledger").build();
        LedgerProcess.Reply reply = ledger.get(LoopbackIdentityProvider.bearer(provider.sign(foreign)),
                "/api/suppliers");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(ledger.get(provider.bearer("buyer@example.com", "BUYER"), "/api/suppliers").status())
                .isEqualTo(200);
    }
}
