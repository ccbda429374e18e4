package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.contract;
import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in over HTTP, as a browser does it (a cookie jar, the CSRF token from its cookie), beside the API
 * for programs: HTTP Basic stays stateless, the session reads what its role may read, and its one unsafe call needs the
 * token.
 */
class ConsoleSessionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    static LedgerProcess ledger;

    @BeforeAll
    static void start() {
        ledger = LedgerProcess.start(dataDir);
        assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-001")).status()).isEqualTo(201);
        assertThat(ledger.post("buyer", "/api/contracts", contract("ct-1", "sup-001")).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    void aBasicCallCreatesNoSessionAndKeepsItsChallenge() {
        RunningLedger.Reply reply = ledger.get("auditor", "/api/contracts/ct-1/history");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().allValues("Set-Cookie")).isEmpty();

        RunningLedger.Reply anonymous = ledger.get(null, "/api/contracts");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void signingInWantsTheCsrfTokenAndTheRightPassword() throws Exception {
        CookieClient browser = new CookieClient(ledger.baseUrl());
        HttpResponse<String> page = browser.get("/console/login");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"login\"");
        assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();

        HttpResponse<String> withoutToken = browser.post("/console/login", "username=auditor&password=demo", Map.of());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(problem(withoutToken).path("detail").asText()).contains("CSRF");
        assertThat(browser.cookie("JSESSIONID")).isNull();

        HttpResponse<String> wrong = browser.post("/console/login", "username=auditor&password=wrong", browser.csrf());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(browser.cookie("JSESSIONID")).isNull();

        assertThat(browser.post("/console/login", "username=auditor&password=demo", browser.csrf()).statusCode())
                .isEqualTo(204);
        assertThat(browser.cookie("JSESSIONID")).isNotBlank();
        JsonNode session = JSON.readTree(browser.get("/console/session").body());
        assertThat(session.path("user").asText()).isEqualTo("auditor");
        assertThat(session.path("roles").toString()).isEqualTo("[\"AUDITOR\"]");
        assertThat(session.path("history").asBoolean()).isTrue();
        assertThat(session.path("audit").asBoolean()).isTrue();
        assertThat(session.path("administration").asBoolean()).isFalse();
    }

    @Test
    void withoutAnIdentityProviderThePageIsToldToSignInByForm() throws Exception {
        RunningLedger.Reply config = ledger.get(null, "/console/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(JSON.readTree(config.body())).isEqualTo(JSON.readTree("{\"mode\": \"form\"}"));
        assertThat(ledger.get(null, "/console/login").header("Content-Security-Policy")).doesNotContain("connect-src");
    }

    @Test
    void theConsolePagesWantASession() throws Exception {
        CookieClient browser = new CookieClient(ledger.baseUrl());
        HttpResponse<String> page = browser.send(browser.request("/console/")
                .header("Accept", "text/html").GET(), Map.of());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(browser.get("/console/session").statusCode()).isEqualTo(401);

        browser.signIn("dashboard", "demo");
        HttpResponse<String> signedIn = browser.get("/console/");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'");
        assertThat(browser.get("/webjars/echarts/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionReadsWhatItsRoleMayRead() throws Exception {
        CookieClient dashboard = new CookieClient(ledger.baseUrl());
        dashboard.signIn("dashboard", "demo");
        assertThat(dashboard.get("/api/contracts/ct-1").statusCode()).isEqualTo(200);
        HttpResponse<String> history = dashboard.get("/api/contracts/ct-1/history");
        assertThat(history.statusCode()).isEqualTo(403);
        assertThat(problem(history).path("detail").asText()).contains("your role may not GET");
        assertThat(dashboard.get("/api/audit/contracts/ct-1/verify").statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(dashboard.get("/console/session").body()).path("history").asBoolean()).isFalse();

        CookieClient buyer = new CookieClient(ledger.baseUrl());
        buyer.signIn("buyer", "demo");
        assertThat(buyer.get("/api/contracts/ct-1/history").statusCode()).isEqualTo(200);
        assertThat(buyer.get("/api/admin/projections").statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionWritesNoCommands() throws Exception {
        CookieClient buyer = new CookieClient(ledger.baseUrl());
        buyer.signIn("buyer", "demo");
        long stored = ledger.storedEventCount();
        HttpResponse<String> signature = buyer.send(buyer.request("/api/contracts/ct-1/signature")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LedgerFixtures.SIGNATURE)), buyer.csrf());
        assertThat(signature.statusCode()).isEqualTo(401);
        assertThat(ledger.storedEventCount()).isEqualTo(stored);
    }

    @Test
    void aReplayFromTheSessionWantsTheCsrfToken() throws Exception {
        CookieClient admin = new CookieClient(ledger.baseUrl());
        admin.signIn("admin", "demo");
        int generation = JSON.readTree(admin.get("/api/admin/projections/milestones").body())
                .path("generation").asInt();

        HttpResponse<String> forged = admin.post("/api/admin/projections/milestones/replay", "", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(problem(forged).path("detail").asText()).contains("CSRF");
        JsonNode untouched = JSON.readTree(admin.get("/api/admin/projections/milestones").body());
        assertThat(untouched.path("replaying").asBoolean()).isFalse();
        assertThat(untouched.path("generation").asInt()).isEqualTo(generation);

        assertThat(admin.post("/api/admin/projections/milestones/replay", "", admin.csrf()).statusCode())
                .isEqualTo(202);
        LedgerFixtures.eventually(Duration.ofSeconds(30), () -> assertThat(JSON.readTree(
                admin.get("/api/admin/projections/milestones").body()).path("generation").asInt())
                .isEqualTo(generation + 1));
    }

    @Test
    void anEndedSessionIsToldToSignInAgainWithoutABasicChallenge() throws Exception {
        CookieClient browser = new CookieClient(ledger.baseUrl());
        browser.signIn("auditor", "demo");
        assertThat(browser.post("/console/logout", "", browser.csrf()).statusCode()).isEqualTo(204);
        assertThat(browser.get("/console/session").statusCode()).isEqualTo(401);

        HttpResponse<String> stale = browser.send(browser.request("/api/contracts")
                .header("Cookie", "JSESSIONID=0123456789ABCDEF").GET(), Map.of());
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(problem(stale).path("detail").asText()).contains("sign in again");
    }

    @Test
    void failedFormLoginsAreThrottledLikeBasicOnes() throws Exception {
        CookieClient browser = new CookieClient(ledger.baseUrl());
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(browser.signIn("compliance", "wrong").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> held = browser.signIn("compliance", "demo");
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(browser.cookie("JSESSIONID")).isNull();
        // the same user over HTTP Basic is held back too: one count for both ways in
        assertThat(ledger.get("compliance", "/api/contracts").status()).isEqualTo(429);
    }

    private static JsonNode problem(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        return JSON.readTree(response.body());
    }
}
