package com.contractledger.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.ASSESSED_ON;
import static com.contractledger.app.LedgerFixtures.contract;
import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium against the whole application: the walkthrough's contract (written through
 * the API) read by each role as a browser does, a dispute moving on live, and an admin's projections and webhooks, with
 * a screenshot of each screen under target/console-screenshots.
 */
@ExtendWith(Chromium.Required.class)
class ConsoleIT extends ConsoleFixture {

    @Test
    void everyRoleSignsInAndSeesTheScreensItMayRead() {
        browser = Chromium.start("en-US", downloads);
        browser.get(ledger.baseUrl() + "/console/");
        waitFor(By.id("login"));
        Chromium.screenshot(browser, "login");
        assertThat(browser.findElement(By.id("provider")).isDisplayed()).as("no identity provider here").isFalse();

        signIn("auditor", "wrong");
        assertThat(waitFor(By.id("message")).getText()).isEqualTo("The user name or the password is wrong.");

        for (String role : List.of("buyer", "auditor", "compliance", "dashboard", "admin")) {
            signIn(role, "demo");
            waitFor(By.cssSelector("tr[data-contract='" + CONTRACT + "']"));
            assertThat(browser.findElement(By.id("user")).getText()).isEqualTo(role + " (" + role.toUpperCase() + ")");
            List<String> screens = browser.findElements(By.cssSelector("#nav a")).stream()
                    .map(WebElement::getText).toList();
            assertThat(screens).startsWith("Contracts", "Disputes", "Suppliers", "Milestones", "Spend");
            assertThat(screens.contains("Projections")).as(role + " sees projections").isEqualTo(role.equals("admin"));
            assertThat(screens.contains("Webhooks")).as(role + " sees webhooks").isEqualTo(role.equals("admin"));
            browser.findElement(By.id("logout")).click();
            waitFor(By.id("login"));
        }
    }

    @Test
    void contractsAreFilteredBySupplierAndStatusAndPaged() {
        signedIn("buyer");
        new WebDriverWait(browser, WAIT).until(driver -> rows().size() == 20);
        assertThat(browser.findElement(By.cssSelector(".pager span")).getText()).isEqualTo("Page 1 of 2 (23 in all)");
        Chromium.screenshot(browser, "contracts");

        browser.findElement(By.cssSelector("a[rel='next']")).click();
        new WebDriverWait(browser, WAIT).until(driver -> rows().size() == 3);

        browser.get(ledger.baseUrl() + "/console/#/contracts");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#filter-supplier option[value='sup-001']")));
        new Select(browser.findElement(By.id("filter-supplier"))).selectByValue("sup-001");
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("ACTIVE");
        browser.findElement(By.cssSelector("form.filters button")).click();
        new WebDriverWait(browser, WAIT).until(driver -> driver.getCurrentUrl().contains("supplierId=sup-001")
                && rows().size() == 1 && rows().get(0).getDomAttribute("data-contract").equals(CONTRACT));

        new Select(browser.findElement(By.id("filter-status"))).selectByValue("DRAFT");
        browser.findElement(By.cssSelector("form.filters button")).click();
        waitFor(By.xpath("//p[text()='No contracts match.']"));
    }

    @Test
    void anAuditorWalksTheContractsTimelineTravelsToTheAmendedVersionSeesTheSealAndDownloadsTheCsv() throws Exception {
        signedIn("auditor");
        browser.get(ledger.baseUrl() + "/console/#/contracts/" + CONTRACT);

        WebElement amendment = waitFor(By.cssSelector("#history li[data-type='ContractAmended']"));
        assertThat(browser.findElements(By.cssSelector("#history li")).stream()
                .map(entry -> entry.getDomAttribute("data-type")).toList()).containsExactly("ContractDrafted",
                "ContractSigned", "ContractMilestoneOverdue", "ContractAmended", "ContractDelivered",
                "ContractBreached", "DisputeOpened");
        assertThat(amendment.getText()).contains("buyer", "PRICE_ADJUSTMENT: steel price +6%");
        List<String> change = amendment.findElements(By.cssSelector(".changes td")).stream()
                .map(WebElement::getText).toList();
        assertThat(change).containsExactly("lineItems[M8-30].unitPrice", "0.85", "0.90");
        assertThat(amendment.findElement(By.cssSelector(".meta dd.mono")).getText()).matches("[0-9a-f-]{36}");

        WebElement seal = waitFor(By.cssSelector("#seal .seal"));
        assertThat(seal.getDomAttribute("data-verified")).isEqualTo("true");
        assertThat(seal.getText()).contains("Verified: 7 events, the hash chain is intact.");
        assertThat(browser.findElement(By.cssSelector("[data-figure='ordered'] dd")).getText())
                .isEqualTo("CN¥9,000.00");
        Chromium.screenshot(browser, "contract");

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#travel-version option[value='3']")));
        new Select(browser.findElement(By.id("travel-version"))).selectByValue("3");
        browser.findElement(By.id("travel-to-version")).click();
        WebElement then = waitFor(By.id("state-then"));
        assertThat(browser.findElement(By.id("time-travel-result")).getText())
                .contains("As it stood after version 3");
        assertThat(then.getText()).contains("M8-30: 10,000 × 0.9", "CN¥0.00");
        List<String> since = browser.findElements(By.cssSelector("#changed-since tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(since).contains("deliveredValue.amount 0.00 5400.00", "penalties.amount 0.00 81.00");
        browser.executeScript("document.getElementById('time-travel-result').scrollIntoView()");
        Chromium.screenshot(browser, "contract-time-travel");

        browser.findElement(By.id("export-csv")).click();
        Path csv = downloads.resolve("ledger-events.csv"); // the name the export gives it
        new WebDriverWait(browser, WAIT).until(driver -> Files.exists(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("globalPosition,aggregateType,aggregateId,sequence,eventId,type");
        assertThat(lines.subList(1, lines.size())).hasSize(7)
                .allMatch(line -> line.split(",")[2].equals(CONTRACT))
                .anyMatch(line -> line.contains(",ContractAmended"));
    }

    @Test
    void aDisputeUpdateArrivesLiveWhileACommandIsSentThroughTheApi() {
        signedIn("compliance");
        browser.get(ledger.baseUrl() + "/console/#/disputes");
        By dispute = By.cssSelector("details[data-dispute='" + LIVE_CONTRACT + "/dp-2']");
        assertThat(waitFor(dispute).getDomAttribute("data-stage")).isEqualTo("NEGOTIATION");
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("live"), "Live"));
        browser.executeScript("window.notReloaded = true");

        RunningLedger.Reply escalation = ledger.post("buyer",
                "/api/contracts/" + LIVE_CONTRACT + "/disputes/dp-2/escalations", """
                {"to": "MEDIATION", "reason": "no agreement after 2 meetings"}""");
        assertThat(escalation.status()).isEqualTo(201);

        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(driver ->
                "MEDIATION".equals(driver.findElement(dispute).getDomAttribute("data-stage")));
        assertThat(browser.executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.findElement(By.id("live")).getText()).startsWith("Live · Updated");
        browser.findElement(dispute).findElement(By.tagName("summary")).click();
        assertThat(browser.findElement(dispute).findElements(By.cssSelector(".timeline li")).stream()
                .map(entry -> entry.getDomAttribute("data-kind")).toList()).containsExactly("OPENED", "ESCALATED");
        Chromium.screenshot(browser, "disputes");
    }

    @Test
    void aDashboardUserSeesNoHistoryAndRefusalsAsSentences() {
        signedIn("dashboard");
        browser.get(ledger.baseUrl() + "/console/#/contracts/" + CONTRACT);
        waitFor(By.cssSelector("[data-figure='ordered']"));
        waitFor(By.cssSelector("#contract-disputes details"));
        assertThat(browser.findElements(By.id("history"))).isEmpty();
        assertThat(browser.findElements(By.id("seal"))).isEmpty();
        assertThat(browser.findElements(By.id("export-csv"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("History", "ContractAmended");
        Chromium.screenshot(browser, "contract-dashboard");

        browser.get(ledger.baseUrl() + "/console/#/contracts/no-such-contract");
        assertThat(waitFor(By.cssSelector("#figures .error")).getText()).isEqualTo("There is no such record.");
        browser.get(ledger.baseUrl() + "/console/#/projections");
        assertThat(waitFor(By.cssSelector("main .error")).getText()).isEqualTo("Your role may not see this.");
    }

    @Test
    void theSupplierMilestonesAndSpendScreensDrawTheirFigures() {
        signedIn("buyer");
        browser.get(ledger.baseUrl() + "/console/#/suppliers/sup-001");
        assertThat(waitFor(By.cssSelector("[data-figure='onTime'] dd")).getText()).isEqualTo("0%");
        assertThat(browser.findElement(By.cssSelector("[data-figure='quality'] dd")).getText()).isEqualTo("96.67%");
        assertThat(browser.findElement(By.cssSelector("[data-figure='rating'] dd")).getText()).isEqualTo("BB");
        assertThat(browser.findElement(By.id("evaluation")).getText())
                .contains("Jul 1, 2026 – Sep 30, 2026", "B (Score 88)", "92%", "97%", "steady");
        assertThat(browser.findElement(By.id("profile")).getText()).contains("r-1", "thread defects in dl-1");
        waitFor(By.cssSelector("#scorecard-chart[data-drawn='true'] svg"));
        assertThat(waitFor(By.cssSelector("#deliveries-chart[data-drawn='true'] svg")).getText())
                .contains("Deliveries over time", "Days late");
        assertThat(browser.findElements(By.id("supplier-record"))).isEmpty();
        WebElement risk = waitFor(By.cssSelector("#risk-factors"));
        assertThat(risk.findElements(By.cssSelector("tbody tr"))).hasSize(11);
        assertThat(browser.findElement(By.cssSelector("[data-figure='risk-score'] dd")).getText())
                .matches("\\d+ / 100 (Low|Medium|High|Critical)");
        assertThat(risk.findElements(By.cssSelector("a.evidence")).stream().map(a -> a.getDomAttribute("href")))
                .contains("#/contracts/" + CONTRACT);
        assertThat(risk.getText()).contains("On-time delivery", "1 of the last 1 deliveries late");
        Chromium.screenshot(browser, "supplier");

        browser.get(ledger.baseUrl() + "/console/#/milestones");
        WebElement upcoming = waitFor(By.cssSelector("#upcoming table"));
        assertThat(upcoming.getText()).contains("ct-draft-01");
        Chromium.screenshot(browser, "milestones");

        browser.get(ledger.baseUrl() + "/console/#/spend?groupBy=supplier");
        WebElement table = waitFor(By.cssSelector("#spend-table-CNY"));
        assertThat(table.getText()).contains("sup-001", "sup-002", "CN¥5,400.00");
        waitFor(By.cssSelector("#spend-chart-CNY[data-drawn='true'] svg"));
        Chromium.screenshot(browser, "spend");
    }

    @Test
    void anAuditorReadsASuppliersWholeRecordFromItsEvents() {
        signedIn("auditor");
        browser.get(ledger.baseUrl() + "/console/#/suppliers/sup-001");
        assertThat(waitFor(By.id("credit-history")).getText()).contains(
                LocalDate.parse(ASSESSED_ON).format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)),
                "BB", "58", "Weak", "Agency");
        assertThat(browser.findElement(By.id("evaluation-history")).getText()).contains("B", "88", "92%", "steady");
        assertThat(browser.findElement(By.id("communication-history")).getText())
                .contains("Meeting", "Chen Jing, Zhao Min", "quarterly review");
        Chromium.screenshot(browser, "supplier-auditor");
    }

    @Test
    void anAdminReplaysAProjectionAndFollowsItsProgress() throws Exception {
        int before = generation("contract-history");
        signedIn("admin");
        browser.get(ledger.baseUrl() + "/console/#/projections");
        waitFor(By.cssSelector("tr[data-projection='contract-history']"));
        Chromium.screenshot(browser, "projections");
        browser.findElement(By.xpath("//button[text()='Replay contract-history']")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("projection-message"),
                "Replay of contract-history finished."));
        assertThat(generation("contract-history")).isEqualTo(before + 1);
    }

    @Test
    void anAdminReplaysEveryProjectionAtOnce() throws Exception {
        Map<String, Integer> before = new HashMap<>();
        for (JsonNode projection : new ObjectMapper().readTree(ledger.get("admin", "/api/admin/projections").body())) {
            before.put(projection.get("name").asText(), projection.get("generation").asInt());
        }
        signedIn("admin");
        browser.get(ledger.baseUrl() + "/console/#/projections");
        waitFor(By.cssSelector("tr[data-projection='spend']"));
        waitFor(By.id("replay-all")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("projection-message"),
                "Replay of every projection finished."));
        assertThat(before).hasSize(8);
        for (Map.Entry<String, Integer> projection : before.entrySet()) {
            assertThat(generation(projection.getKey())).as(projection.getKey()).isEqualTo(projection.getValue() + 1);
        }
        assertThat(browser.findElement(By.id("replay-all")).isEnabled()).isTrue();
    }

    private int generation(String projection) throws Exception {
        return new ObjectMapper().readTree(ledger.get("admin", "/api/admin/projections/" + projection).body())
                .get("generation").asInt();
    }

    @Test
    void anAdminDisablesAWebhookAndSeesItsDeliveries() throws Exception {
        RunningLedger.Reply registered = ledger.post("admin", "/api/webhooks", """
                {"url": "http://203.0.113.10/hooks", "eventTypes": ["SupplierTierChanged"], "description": "ERP"}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String webhookId = new ObjectMapper().readTree(registered.body())
                .get("webhookId").asText();
        write("/api/suppliers/" + OTHER_SUPPLIER + "/tier", """
                {"tier": "KEY", "reason": "second source of M8 fasteners"}""");
        LedgerFixtures.eventually(WAIT, () -> assertThat(ledger.get("admin", "/api/webhooks/" + webhookId
                + "/deliveries").body()).contains("SupplierTierChanged"));
        signedIn("admin");
        browser.get(ledger.baseUrl() + "/console/#/webhooks");
        By endpoint = By.cssSelector("div.webhook[data-webhook='" + webhookId + "']");
        assertThat(waitFor(endpoint).getDomAttribute("data-enabled")).isEqualTo("true");
        assertThat(browser.findElement(endpoint).getText()).contains("http://203.0.113.10/hooks", "SupplierTierChanged");
        assertThat(browser.findElement(endpoint).findElements(By.cssSelector("table.deliveries tr[data-delivery]")))
                .hasSize(1).allSatisfy(row -> assertThat(row.getText()).contains("SupplierTierChanged", OTHER_SUPPLIER));
        assertThat(Chromium.textBelowContrastAA(browser)).as("webhooks").isEmpty();
        Chromium.screenshot(browser, "webhooks");

        browser.findElement(endpoint).findElement(By.xpath(".//button[text()='Disable']")).click();
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(driver ->
                "false".equals(driver.findElement(endpoint).getDomAttribute("data-enabled")));
        assertThat(browser.findElement(By.id("webhook-message")).getText())
                .isEqualTo("The webhook is disabled; events are queued for it.");
        assertThat(ledger.get("admin", "/api/webhooks/" + webhookId).body()).contains("\"enabled\":false",
                "disabled by admin");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#contract-table tbody tr"));
    }
}
