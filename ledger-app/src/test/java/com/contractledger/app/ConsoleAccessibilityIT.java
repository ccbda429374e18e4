package com.contractledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.contractledger.app.LedgerFixtures.contract;
import static com.contractledger.app.LedgerFixtures.supplier;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console for every reader, in a real headless Chromium over the walkthrough: in Chinese, with every screen's text
 * readable against its background, and on a phone-width window signed in by keyboard; screenshots under
 * target/console-screenshots.
 */
@ExtendWith(Chromium.Required.class)
class ConsoleAccessibilityIT extends ConsoleFixture {

    @Test
    void theChineseLocaleShowsChineseLabelsAndFormats() {
        browser = Chromium.start("zh-CN", downloads);
        browser.get(ledger.baseUrl() + "/console/login");
        assertThat(waitFor(By.cssSelector("#login button[type='submit']")).getText()).isEqualTo("登录");
        signIn("auditor", "demo");
        waitFor(By.cssSelector("tr[data-contract='" + CONTRACT + "']"));
        assertThat(browser.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList())
                .startsWith("合同", "争议", "供应商", "里程碑", "支出");
        assertThat(browser.findElement(By.cssSelector("tr[data-contract='" + CONTRACT + "']")).getText())
                .contains("生效中", "¥9,000.00");
        Chromium.screenshot(browser, "contracts-zh");

        browser.get(ledger.baseUrl() + "/console/#/contracts/" + CONTRACT);
        assertThat(waitFor(By.cssSelector("#seal .seal")).getText()).contains("已验证");
        // the history is read beside the seal and may come after it
        assertThat(waitFor(By.cssSelector("#history li[data-type='ContractAmended'] th")).getText())
                .isEqualTo("字段");
        WebElement delivery = browser.findElement(By.cssSelector("#history li[data-type='ContractDelivered']"));
        assertThat(delivery.findElement(By.tagName("strong")).getText()).endsWith(" 交付");
        assertThat(delivery.findElement(By.className("phrase")).getText()).startsWith("交付 dl-1（里程碑 d1）")
                .contains("验收 5,800", "拒收 200", "价值 ¥5,400.00", "延迟 3 天").doesNotContain("{", "delivered");
        assertThat(browser.findElement(By.cssSelector("#history li[data-type='ContractBreached'] .phrase")).getText())
                .startsWith("延迟交付违约 br-1，责任方 供应商").contains("违约金 ¥81.00");
        Chromium.screenshot(browser, "contract-zh");

        browser.findElement(By.id("language")).click();
        new WebDriverWait(browser, WAIT).until(driver -> driver.findElements(By.cssSelector("#nav a")).stream()
                .map(WebElement::getText).toList().contains("Contracts"));
    }

    @Test
    void everyScreensTextIsReadableAgainstItsBackground() {
        browser = Chromium.start("en-US", downloads);
        browser.get(ledger.baseUrl() + "/console/login");
        waitFor(By.id("username"));
        assertThat(Chromium.textBelowContrastAA(browser)).as("login").isEmpty();

        signIn("auditor", "demo");
        awaitTheConsole();
        Map<String, By> screens = new LinkedHashMap<>();
        screens.put("contracts", By.cssSelector("tr[data-contract='" + CONTRACT + "']"));
        screens.put("contracts/" + CONTRACT, By.cssSelector("#history li[data-type='ContractAmended'] .changes"));
        screens.put("disputes", By.cssSelector("details.dispute"));
        screens.put("suppliers/sup-001", By.cssSelector("#deliveries-chart[data-drawn='true'] svg"));
        screens.put("milestones", By.cssSelector("#upcoming table"));
        screens.put("spend?groupBy=supplier", By.cssSelector("#spend-table-CNY"));
        screens.forEach((screen, drawn) -> {
            browser.get(ledger.baseUrl() + "/console/#/" + screen);
            waitFor(drawn);
            assertThat(Chromium.textBelowContrastAA(browser)).as(screen).isEmpty();
        });
        browser.quit();

        signedIn("admin");
        browser.get(ledger.baseUrl() + "/console/#/projections");
        waitFor(By.cssSelector("tr[data-projection='contract-history']"));
        assertThat(Chromium.textBelowContrastAA(browser)).as("projections").isEmpty();
    }

    @Test
    void theContractFitsAPhoneWidthWindowAndTheSignInWorksByKeyboard() {
        browser = Chromium.start("en-US", downloads);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(ledger.baseUrl() + "/console/login");
        waitFor(By.id("username")).sendKeys("auditor", Keys.TAB, "demo", Keys.ENTER);
        waitFor(By.cssSelector("tr[data-contract='" + CONTRACT + "']"));
        browser.get(ledger.baseUrl() + "/console/#/contracts/" + CONTRACT);
        waitFor(By.cssSelector("#history li[data-type='ContractAmended']"));
        waitFor(By.cssSelector("#seal .seal"));
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        Chromium.screenshot(browser, "contract-phone");
    }
}
