package com.contractledger.app;

import com.contractledger.shared.SetClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders as a buyer meets them, on a clock the test moves forward: a milestone three days ahead shows its 1-day
 * reminder and gets it the day before, from the system, in its history and on the reminders stream; an amendment
 * moves a payment's reminders, the payment drops the last one; the renewal notice and a certification's expiry come on
 * their days; and a reminder scheduled before a restart is raised after it.
 */
@ExtendWith(Chromium.Required.class)
class RemindersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @TempDir
    Path downloads;

    @Test
    void reminders_come_on_their_days_once_follow_the_dates_and_survive_a_restart() throws Exception {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, List.of(MovableClock.class))) {
            write(ledger, "/api/suppliers", supplier("sup-rem", day(90)));
            write(ledger, "/api/contracts", contract("ct-rem", "sup-rem", day(3), day(40), day(100), 45));
            write(ledger, "/api/contracts/ct-rem/signature", """
                    {"signatories": ["Wang Li"], "signedOn": "%s"}""".formatted(TODAY));

            eventually(Duration.ofSeconds(20), () -> {
                JsonNode d1 = milestone(ledger, "d1");
                assertThat(d1.at("/nextReminder/on").asText()).isEqualTo(day(2));
                assertThat(d1.at("/nextReminder/daysBefore").asInt()).isEqualTo(1);
                assertThat(read(ledger, "/api/contracts/ct-rem").at("/nextReminder/on").asText()).isEqualTo(day(2));
            });

            try (SseClient stream = SseClient.connect(ledger.baseUrl(), "/api/stream/reminders", "buyer", null)) {
                moveTo(ledger, day(2));
                SseClient.Event raised = stream.next(Duration.ofSeconds(20));
                assertThat(raised).as("the reminder on the stream").isNotNull();
                JsonNode reminder = JSON.readTree(raised.data());
                assertThat(reminder.get("event").asText()).isEqualTo("ContractMilestoneApproaching");
                assertThat(reminder.get("subject").asText()).isEqualTo("d1");
                assertThat(reminder.get("daysBefore").asInt()).isEqualTo(1);
            }
            List<DomainEventMessage<?>> reminders = raised(ledger, "ct-rem", "ContractMilestoneApproachingEvent");
            assertThat(reminders).hasSize(1);
            assertThat(reminders.get(0).getMetaData().get("actor")).isEqualTo("system");
            eventually(Duration.ofSeconds(20), () -> assertThat(read(ledger, "/api/contracts/ct-rem/history")
                    .findValuesAsText("type")).contains("ContractMilestoneApproaching"));
            seenInTheConsole(ledger);

            // p1 moves from day 40 to day 50: its reminders go with it
            write(ledger, "/api/contracts/ct-rem/amendments", """
                    {"reason": "SCHEDULE_CHANGE", "description": "budget cycle",
                     "changes": {"paymentTerms": {"netDays": 30, "schedule": [
                         {"milestoneId": "p1", "dueOn": "%s", "amount": "8500.00"}]}}}""".formatted(day(50)));
            moveTo(ledger, day(34));
            Thread.sleep(2_500); // two scheduler polls: the old 7-day reminder of p1 would fire now
            assertThat(raised(ledger, "ct-rem", "ContractMilestoneApproachingEvent")).hasSize(1);
        }

        // stopped with p1's reminders ahead; the days pass while the system is down
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, List.of(MovableClock.class))) {
            moveTo(ledger, day(43));
            eventually(Duration.ofSeconds(20), () -> assertThat(raised(ledger, "ct-rem",
                    "ContractMilestoneApproachingEvent")).hasSize(2));
            write(ledger, "/api/contracts/ct-rem/payments", """
                    {"paymentId": "pay-1", "amount": {"amount": "8500.00", "currency": "CNY"}, "paidOn": "%s"}"""
                    .formatted(day(43)));

            moveTo(ledger, day(55));
            eventually(Duration.ofSeconds(20), () -> {
                assertThat(raised(ledger, "ct-rem", "ContractRenewalNoticeDueEvent")).hasSize(1);
                assertThat(raised(ledger, "sup-rem", "SupplierCertificationExpiringEvent")).hasSize(1);
            });
            assertThat(raised(ledger, "ct-rem", "ContractMilestoneApproachingEvent")).as("p1 was paid").hasSize(2);
            eventually(Duration.ofSeconds(20), () -> assertThat(read(ledger, "/api/reminders?aggregateId=ct-rem")
                    .findValuesAsText("event")).containsExactly("ContractRenewalNoticeDue",
                    "ContractMilestoneApproaching", "ContractMilestoneApproaching"));
            assertThat(read(ledger, "/api/reminders?kind=CERTIFICATION_EXPIRING").findValuesAsText("aggregateId"))
                    .containsExactly("sup-rem");
        }
    }

    @Test
    void bad_reminder_queries_and_notice_periods_are_refused_and_change_nothing() throws Exception {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir)) {
            assertThat(ledger.get("buyer", "/api/reminders?kind=SOON").status()).isEqualTo(400);
            assertThat(ledger.get("buyer", "/api/reminders?since=yesterday").status()).isEqualTo(400);
            write(ledger, "/api/suppliers", supplier("sup-bad", day(90)));
            long stored = ledger.storedEventCount();
            LedgerProcess.Reply tooLong = ledger.post("buyer", "/api/contracts",
                    contract("ct-bad", "sup-bad", day(3), day(40), day(100), 400));
            assertThat(tooLong.status()).isEqualTo(409);
            assertThat(tooLong.body()).contains("renewal notice of 400 days");
            assertThat(ledger.post("buyer", "/api/contracts",
                    contract("ct-bad", "sup-bad", day(3), day(40), day(100), 0)).status()).isEqualTo(400);
            assertThat(ledger.storedEventCount()).isEqualTo(stored);
        }
    }

    /** The milestone screen, in Chinese: the reminder raised, and the next one of each milestone still ahead. */
    private void seenInTheConsole(LedgerProcess ledger) {
        ChromeDriver browser = Chromium.start("zh", downloads);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(ledger.baseUrl() + "/console/login");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("buyer");
            browser.findElement(By.id("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("#login button[type='submit']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contract-table")));
            browser.get(ledger.baseUrl() + "/console/#/milestones");
            WebElement raised = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reminder-list")));
            assertThat(raised.getText()).contains("里程碑提醒", "ct-rem", "d1", "提前 1 天");
            WebElement upcoming = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#upcoming table")));
            assertThat(upcoming.getText()).contains("下次提醒", "p1", "提前 7 天");
            Chromium.screenshot(browser, "milestones-reminders");
        } finally {
            browser.quit();
        }
    }

    private static void moveTo(LedgerProcess ledger, String day) {
        ledger.bean(SetClock.class).set(LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofMinutes(1)));
    }

    private static List<DomainEventMessage<?>> raised(LedgerProcess ledger, String aggregateId, String type) {
        return ledger.events(aggregateId).stream().filter(e -> e.getPayloadType().getSimpleName().equals(type)).toList();
    }

    private static JsonNode milestone(LedgerProcess ledger, String milestoneId) throws Exception {
        for (JsonNode item : read(ledger, "/api/milestones?size=200").get("items")) {
            if (item.get("contractId").asText().equals("ct-rem") && item.get("milestoneId").asText().equals(milestoneId)) {
                return item;
            }
        }
        throw new AssertionError("no milestone " + milestoneId);
    }

    private static JsonNode read(LedgerProcess ledger, String path) throws Exception {
        LedgerProcess.Reply reply = ledger.get("buyer", path);
        assertThat(reply.status()).as(path).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    private static void write(LedgerProcess ledger, String path, String body) {
        LedgerProcess.Reply reply = ledger.post("buyer", path, body);
        assertThat(reply.status()).as(path + ": " + reply.body()).isBetween(200, 299);
    }

    private static String day(int offset) {
        return TODAY.plusDays(offset).toString();
    }

    private static String supplier(String supplierId, String certificateValidUntil) {
        return """
                {"supplierId": "%s", "legalName": "Huadong Precision Parts Co., Ltd.",
                 "registrationNumber": "91310000MA1FL0001X", "registeredAddress": "Shanghai",
                 "legalRepresentative": "Wang Li", "region": "East China", "categories": ["fasteners"],
                 "scale": "MEDIUM", "certifications": [{"name": "ISO 9001", "issuer": "SGS", "validUntil": "%s"}],
                 "contacts": [{"name": "Chen Jing", "role": "Sales", "email": "chen@example.com"}]}"""
                .formatted(supplierId, certificateValidUntil);
    }

    private static String contract(String contractId, String supplierId, String deliveryDueOn, String paymentDueOn,
                                   String expiresOn, int renewalNoticeDays) {
        return """
                {"contractId": "%s", "supplierId": "%s", "title": "M8 bolts", "type": "GOODS", "currency": "CNY",
                 "lineItems": [{"sku": "M8-30", "description": "M8x30 bolt", "quantity": 10000, "unit": "pcs",
                                "unitPrice": "0.85"}],
                 "deliveries": [{"milestoneId": "d1", "dueOn": "%s", "lines": [{"sku": "M8-30", "quantity": 10000}]}],
                 "paymentTerms": {"netDays": 30, "schedule": [{"milestoneId": "p1", "dueOn": "%s", "amount": "8500.00"}]},
                 "effectiveFrom": "%s", "expiresOn": "%s", "renewalNoticeDays": %d}"""
                .formatted(contractId, supplierId, deliveryDueOn, paymentDueOn, TODAY, expiresOn, renewalNoticeDays);
    }
}
