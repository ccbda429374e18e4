package com.contractledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.LATE_DELIVERY_BREACH;
import static com.contractledger.app.LedgerFixtures.LATE_PARTLY_REJECTED_DELIVERY;
import static com.contractledger.app.LedgerFixtures.LOW_CREDIT;
import static com.contractledger.app.LedgerFixtures.PRICE_AMENDMENT;
import static com.contractledger.app.LedgerFixtures.SIGNATURE;
import static com.contractledger.app.LedgerFixtures.SIGNED_VERSION;
import static com.contractledger.app.LedgerFixtures.contract;
import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console's browser tests share: the whole application with the walkthrough written through the API (two
 * suppliers, the walkthrough's contract with its dispute, a second contract whose dispute a test moves on, and more
 * drafts than one page holds), started once per test class; a headless Chromium per test, signed in as a role.
 */
abstract class ConsoleFixture {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String CONTRACT = "ct-2026-001";
    static final String LIVE_CONTRACT = "ct-2026-002";
    static final String OTHER_SUPPLIER = "sup-002";

    @TempDir
    static Path dataDir;

    @TempDir
    Path downloads;

    static LedgerProcess ledger;

    ChromeDriver browser;

    @BeforeAll
    static void startWithTheWalkthrough() {
        ledger = LedgerProcess.start(dataDir);
        write("/api/suppliers", supplier("sup-001"));
        write("/api/suppliers/sup-001/credit-assessments", LOW_CREDIT);
        write("/api/suppliers/sup-001/tier", """
                {"tier": "KEY", "reason": "sole source of M8 fasteners"}""");
        write("/api/suppliers/sup-001/evaluations", """
                {"periodStart": "2026-07-01", "periodEnd": "2026-09-30", "onTimeDeliveryRate": 0.92,
                 "qualityPassRate": 0.97, "averageResponseHours": 6, "score": 88, "grade": "B", "remarks": "steady"}""");
        write("/api/suppliers/sup-001/rectifications", """
                {"rectificationId": "r-1", "issue": "thread defects in dl-1", "dueOn": "2026-12-31"}""");
        write("/api/suppliers/sup-001/communications", """
                {"communicationId": "cm-1", "channel": "MEETING", "participants": ["Chen Jing", "Zhao Min"],
                 "summary": "quarterly review", "occurredAt": "2026-11-20T09:00:00Z"}""");
        write("/api/contracts", contract(CONTRACT, "sup-001"));
        write("/api/contracts/" + CONTRACT + "/signature", SIGNATURE);
        assertThat(ledger.post("buyer", "/api/contracts/" + CONTRACT + "/amendments", PRICE_AMENDMENT,
                Map.of("If-Match", String.valueOf(SIGNED_VERSION))).status()).isEqualTo(201);
        write("/api/contracts/" + CONTRACT + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
        write("/api/contracts/" + CONTRACT + "/breaches", LATE_DELIVERY_BREACH);
        write("/api/contracts/" + CONTRACT + "/disputes", """
                {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                 "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}""");
        // another supplier's contract whose dispute the live test moves on, and more drafts than one page holds
        write("/api/suppliers", supplier(OTHER_SUPPLIER).replace("Huadong Precision Parts", "Jiangnan Steel"));
        write("/api/contracts", contract(LIVE_CONTRACT, OTHER_SUPPLIER));
        write("/api/contracts/" + LIVE_CONTRACT + "/signature", SIGNATURE);
        write("/api/contracts/" + LIVE_CONTRACT + "/deliveries", LATE_PARTLY_REJECTED_DELIVERY);
        write("/api/contracts/" + LIVE_CONTRACT + "/breaches", LATE_DELIVERY_BREACH);
        write("/api/contracts/" + LIVE_CONTRACT + "/disputes", """
                {"disputeId": "dp-2", "breachId": "br-1", "category": "QUALITY_SUPPLIER_FAULT",
                 "claimAmount": {"amount": "120.00", "currency": "CNY"}, "description": "defects contested"}""");
        for (int i = 1; i <= 21; i++) {
            write("/api/contracts", contract("ct-draft-%02d".formatted(i), OTHER_SUPPLIER));
        }
    }

    static void write(String path, String body) {
        RunningLedger.Reply reply = ledger.post("buyer", path, body);
        assertThat(reply.status()).as(path + ": " + reply.body()).isBetween(200, 202);
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void signedIn(String user) {
        browser = Chromium.start("en-US", downloads);
        browser.get(ledger.baseUrl() + "/console/login");
        signIn(user, "demo");
        awaitTheConsole();
    }

    /** The sign-in posts by script and then opens the console: navigating before that would abort it. */
    void awaitTheConsole() {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(driver -> !driver.findElement(By.id("user")).getText().isEmpty());
    }

    void signIn(String user, String password) {
        WebElement name = waitFor(By.id("username"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = browser.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.findElement(By.cssSelector("#login button[type='submit']")).click();
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }
}
