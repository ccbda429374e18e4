package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.contractledger.app.LedgerFixtures.LATE_DELIVERY_BREACH;
import static com.contractledger.app.LedgerFixtures.LATE_PARTLY_REJECTED_DELIVERY;
import static com.contractledger.app.LedgerFixtures.SIGNATURE;
import static com.contractledger.app.LedgerFixtures.contract;
import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in resource-server mode, in a real headless Chromium: people sign in through the identity provider the
 * test plays ({@link LoopbackIdentityProvider}) with the authorization code and PKCE, the page calls the API and
 * follows its streams with the access token, and signing out ends the provider's session.
 */
@ExtendWith(Chromium.Required.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleWithProviderIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTRACT = "ct-2026-001";
    private static final String CLIENT = "ledger-console";
    private static final By PAID = By.cssSelector("[data-figure='paid'] dd");

    @TempDir
    static Path dataDir;

    @TempDir
    Path downloads;

    private LoopbackIdentityProvider provider;
    private LedgerProcess ledger;
    private CuttableProxy proxy;
    private String buyer;
    private ChromeDriver browser;

    @BeforeAll
    void start() throws Exception {
        provider = LoopbackIdentityProvider.start();
        ledger = LedgerProcess.start(dataDir, "--ledger.oidc.issuer-uri=" + provider.issuer(),
                "--ledger.oidc.audience=" + LoopbackIdentityProvider.AUDIENCE);
        proxy = CuttableProxy.start(ledger.baseUrl());
        provider.register(CLIENT, ledger.baseUrl() + "/console/login", proxy.baseUrl() + "/console/login");
        buyer = provider.bearer("buyer@example.com", "BUYER");
        write("/api/suppliers", supplier("sup-001"));
        write("/api/contracts", contract(CONTRACT, "sup-001"));
        write("/api/contracts/" + CONTRACT + "/signature", SIGNATURE);
        write("/api/contracts/" + CONTRACT + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
        write("/api/contracts/" + CONTRACT + "/breaches", LATE_DELIVERY_BREACH);
        write("/api/contracts/" + CONTRACT + "/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""");
    }

    private void write(String path, String body) {
        RunningLedger.Reply reply = ledger.post(buyer, path, body);
        assertThat(reply.status()).as(path + ": " + reply.body()).isBetween(200, 202);
    }

    @AfterAll
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (ledger != null) {
            ledger.close();
        }
        provider.close();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageIsToldToSignInThroughTheProviderAndMayFetchOnlyItsTokenEndpoint() throws Exception {
        RunningLedger.Reply config = ledger.get(null, "/console/config");
        assertThat(config.status()).isEqualTo(200);
        JsonNode mode = JSON.readTree(config.body());
        assertThat(mode.path("mode").asText()).isEqualTo("provider");
        assertThat(mode.path("authorizationEndpoint").asText()).isEqualTo(provider.endpoint("auth"));
        assertThat(mode.path("tokenEndpoint").asText()).isEqualTo(provider.endpoint("token"));
        assertThat(mode.path("endSessionEndpoint").asText()).isEqualTo(provider.endpoint("logout"));
        assertThat(mode.path("clientId").asText()).isEqualTo(CLIENT);
        assertThat(mode.path("scope").asText()).startsWith("openid");

        RunningLedger.Reply page = ledger.get(null, "/console/login");
        String tokenOrigin = URI.create(provider.endpoint("token")).resolve("/").toString().replaceAll("/$", "");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                .endsWith("; connect-src 'self' " + tokenOrigin).doesNotContain("*");
        // the pages hold no data: without a session they load, and the page sends the browser to sign in
        assertThat(ledger.get(null, "/console/").status()).isEqualTo(200);
        assertThat(ledger.get(null, "/console/session").status()).isEqualTo(401);
    }

    @Test
    void signingInThroughTheProviderLandsOnTheConsoleWithTheUsersRoles() throws Exception {
        signIn("ana", "AUDITOR");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("ana (AUDITOR)");
        assertThat(waitFor(By.cssSelector("tr[data-contract='" + CONTRACT + "']")).getText()).contains(CONTRACT);
        String token = (String) browser.executeScript("return sessionStorage.getItem('ledger.token')");
        assertThat(token).isNotBlank();
        assertThat((String) browser.executeScript("return JSON.stringify(localStorage)")).doesNotContain(token);
        assertThat(browser.manage().getCookies()).noneMatch(cookie -> cookie.getValue().contains(token));

        browser.get(ledger.baseUrl() + "/console/#/contracts/" + CONTRACT);
        waitFor(By.cssSelector("#history li[data-type='ContractBreached']"));
        // a link cannot send the token: the export is fetched with it and handed to the browser as the file
        browser.findElement(By.id("export-csv")).click();
        Path csv = downloads.resolve("ledger-events.csv");
        new WebDriverWait(browser, WAIT).until(driver -> Files.exists(csv));
        assertThat(Files.readAllLines(csv).get(0)).startsWith("globalPosition,aggregateType,aggregateId");
        Chromium.screenshot(browser, "contract-through-provider");
    }

    @Test
    void aDashboardUserSignedInThroughTheProviderSeesNoHistory() throws Exception {
        signIn("dora", "DASHBOARD");
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("dora (DASHBOARD)");
        browser.get(ledger.baseUrl() + "/console/#/contracts/" + CONTRACT);
        waitFor(By.cssSelector("[data-figure='ordered']"));
        waitFor(By.cssSelector("#contract-disputes details"));
        assertThat(browser.findElements(By.id("history"))).isEmpty();
        assertThat(browser.findElements(By.id("export-csv"))).isEmpty();
    }

    @Test
    void aLiveUpdateArrivesOverTheTokenStreamWhileACommandIsSentThroughTheApi() throws Exception {
        signIn("cora", "COMPLIANCE");
        browser.get(ledger.baseUrl() + "/console/#/disputes");
        By dispute = By.cssSelector("details[data-dispute='" + CONTRACT + "/dp-1']");
        assertThat(waitFor(dispute).getDomAttribute("data-stage")).isEqualTo("NEGOTIATION");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
        browser.executeScript("window.notReloaded = true");

        RunningLedger.Reply escalation = ledger.post(buyer,
                "/api/contracts/" + CONTRACT + "/disputes/dp-1/escalations", """
                {"to": "MEDIATION", "reason": "no agreement after 2 meetings"}""");
        assertThat(escalation.status()).as(escalation.body()).isEqualTo(201);

        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(driver ->
                "MEDIATION".equals(driver.findElement(dispute).getDomAttribute("data-stage")));
        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.findElement(By.id("live")).getText()).startsWith("Live · Updated");
    }

    @Test
    void aDroppedStreamIsFollowedAgainAndMissesNoUpdate() {
        // the browser reaches the ledger through a proxy that can drop its connections
        signInAt(proxy.baseUrl(), "cora", "COMPLIANCE");
        browser.get(proxy.baseUrl() + "/console/#/contracts/" + CONTRACT);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
        browser.executeScript("window.notReloaded = true");
        assertThat(waitFor(PAID).getText()).isEqualTo("CN¥0.00");

        // dropped before any event: nothing to resume from, so the page reads the contract again
        proxy.cut();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("live"), ""));
        pay("pay-1", "1000.00");
        proxy.restore();
        waitForPaid("CN¥1,000.00");

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
        pay("pay-2", "500.00");
        waitForPaid("CN¥1,500.00");
        // the event that brought it carries the id the stream resumes after
        new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.textMatches(By.id("live"), Pattern.compile("^Live · Updated")));

        // dropped after that event: the stream resumes after it (Last-Event-ID)
        proxy.cut();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("live"), ""));
        pay("pay-3", "250.00");
        proxy.restore();
        waitForPaid("CN¥1,750.00");
        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
    }

    private void pay(String paymentId, String amount) {
        RunningLedger.Reply payment = ledger.post(buyer, "/api/contracts/" + CONTRACT + "/payments", """
                {"paymentId": "%s", "amount": {"amount": "%s", "currency": "CNY"}, "paidOn": "%s"}"""
                .formatted(paymentId, amount, LedgerFixtures.PAID_ON));
        assertThat(payment.status()).as(payment.body()).isEqualTo(201);
    }

    private void waitForPaid(String amount) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(PAID, amount));
    }

    @Test
    void signingOutEndsTheProviderSessionAndForgetsTheToken() throws Exception {
        signIn("ana", "AUDITOR");
        int ended = provider.endedSessions().size();
        browser.findElement(By.id("logout")).click();
        waitFor(By.id("provider"));
        assertThat(provider.endedSessions()).hasSize(ended + 1);
        assertThat(provider.endedSessions().get(ended)).containsEntry("client_id", CLIENT)
                .containsEntry("post_logout_redirect_uri", ledger.baseUrl() + "/console/login");
        assertThat(browser.executeScript("return sessionStorage.getItem('ledger.token')")).isNull();

        browser.get(ledger.baseUrl() + "/console/");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(ledger.baseUrl() + "/console/login"));
        assertThat(waitFor(By.id("provider")).getText()).isEqualTo("Sign in with your organisation");
    }

    @Test
    void aCodeBroughtBackWithAStateThisTabDidNotSendIsNotExchanged() {
        provider.signInAs("ana", "AUDITOR");
        browser = Chromium.start("en-US", downloads);
        browser.get(ledger.baseUrl() + "/console/login");
        waitFor(By.id("provider"));
        assertThat(browser.findElement(By.id("password")).isDisplayed()).as("the password field").isFalse();
        Chromium.screenshot(browser, "login-provider");
        int exchanged = provider.tokenRequests();
        browser.get(ledger.baseUrl() + "/console/login?code=a-code&state=forged");
        assertThat(waitFor(By.id("message")).getText()).startsWith("Signing in did not work")
                .contains("(state)");
        assertThat(provider.tokenRequests()).isEqualTo(exchanged);
        assertThat(browser.executeScript("return sessionStorage.getItem('ledger.token')")).isNull();
    }

    @Test
    void theTokenEndpointGivesATokenOnlyForTheVerifierOfTheChallenge() throws Exception {
        provider.signInAs("ana", "AUDITOR");
        String verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        HttpResponse<String> wrong = exchange(code(LoopbackIdentityProvider.s256(verifier)), verifier + "x");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrong.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ledger.baseUrl());

        HttpResponse<String> right = exchange(code(LoopbackIdentityProvider.s256(verifier)), verifier);
        assertThat(right.statusCode()).isEqualTo(200);
        String token = JSON.readTree(right.body()).path("access_token").asText();
        RunningLedger.Reply session = ledger.get(LoopbackIdentityProvider.bearer(token), "/console/session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(JSON.readTree(session.body()).path("user").asText()).isEqualTo("ana");
    }

    @Test
    void aBearerRequestCarryingASessionCookieIsJudgedByItsToken() throws Exception {
        // the console's session chain takes requests with a session cookie and no Authorization header only
        Map<String, String> staleCookie = Map.of("Cookie", "JSESSIONID=0123456789ABCDEF");
        String history = "/api/contracts/" + CONTRACT + "/history";
        String auditor = provider.bearer("ana@example.com", "AUDITOR");
        RunningLedger.Reply read = ledger.get(auditor, history, staleCookie);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        String dashboard = provider.bearer("dora@example.com", "DASHBOARD");
        assertThat(ledger.get(dashboard, history, staleCookie).status()).isEqualTo(403);
        RunningLedger.Reply cookieOnly = ledger.get(null, history, staleCookie);
        assertThat(cookieOnly.status()).isEqualTo(401);
        assertThat(cookieOnly.body()).contains("sign in again");
    }

    /** A code from the authorization endpoint for this challenge, as the browser would be sent back with. */
    private String code(String challenge) throws Exception {
        String query = "response_type=code&client_id=" + CLIENT + "&redirect_uri=" + encode(redirectUri())
                + "&scope=openid&state=s-1&code_challenge=" + challenge + "&code_challenge_method=S256";
        HttpResponse<String> redirect = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(provider.endpoint("auth") + "?" + query)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirectUri() + "?code=").endsWith("&state=s-1");
        return location.substring(location.indexOf("code=") + 5, location.indexOf('&'));
    }

    private HttpResponse<String> exchange(String code, String verifier) throws Exception {
        String form = "grant_type=authorization_code&code=" + code + "&client_id=" + CLIENT + "&redirect_uri="
                + encode(redirectUri()) + "&code_verifier=" + verifier;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(provider.endpoint("token")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", ledger.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String redirectUri() {
        return ledger.baseUrl() + "/console/login";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private void signIn(String name, String... roles) {
        signInAt(ledger.baseUrl(), name, roles);
    }

    /** Opens the console at {@code base}, is sent to sign in, and signs in through the provider as {@code name}. */
    private void signInAt(String base, String name, String... roles) {
        provider.signInAs(name, roles);
        browser = Chromium.start("en-US", downloads);
        browser.get(base + "/console/");
        waitFor(By.id("provider")).click();
        new WebDriverWait(browser, WAIT)
                .withMessage(() -> "signed in at " + browser.getCurrentUrl() + ", showing: "
                        + browser.findElement(By.tagName("body")).getText())
                .until(driver -> !driver.findElement(By.id("user")).getText().isEmpty());
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
