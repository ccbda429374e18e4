package com.contractledger.app;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named explicitly so that Selenium never looks
 * for (or downloads) a browser or a driver of its own. Registered on a test class ({@link Required}), it skips the
 * tests with the reason when they are not installed — unless {@code CI} is set: under CI they must run, so they fail.
 */
final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String ADVICE = "no " + BROWSER + " or " + DRIVER + ". Install Debian's packages with "
            + "`sudo apt-get install chromium chromium-driver fonts-noto-cjk` (.ci/run does).";

    private Chromium() {
    }

    /** A window of 1280×800 whose preferred language is {@code language}, saving downloads in {@code downloads}. */
    static ChromeDriver start(String language, Path downloads) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests must run, but there is " + ADVICE);
        }
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,800", "--lang=" + language, "--no-first-run", "--disable-extensions")
                .setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                        "download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 800));
        return driver;
    }

    /** Writes the whole page (up to 4000 px down) to target/console-screenshots/{name}.png. */
    static void screenshot(ChromeDriver driver, String name) {
        Map<String, Object> page = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) page.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "scale", 1,
                        "width", ((Number) size.get("width")).doubleValue(),
                        "height", Math.min(4000, ((Number) size.get("height")).doubleValue()))));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The visible texts of the page whose contrast with their background is below WCAG 2's AA level (4.5:1, or 3:1
     * for large text), each as "tag 'text' ratio". The background is the nearest opaque one among the ancestors.
     */
    @SuppressWarnings("unchecked")
    static List<String> textBelowContrastAA(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                const channels = css => { const v = css.match(/[\\d.]+/g).map(Number); return v.length === 3 ? [...v, 1] : v; };
                const luminance = rgb => { const [r, g, b] = rgb.map(v => { v /= 255;
                    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const background = element => { for (; element; element = element.parentElement) {
                    const c = channels(getComputedStyle(element).backgroundColor); if (c[3] > 0) return c; }
                    return [255, 255, 255, 1]; };
                const low = [];
                for (const element of document.querySelectorAll('body *')) {
                    const text = [...element.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
                    const style = getComputedStyle(element);
                    if (!text || style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
                    const back = background(element), fore = channels(style.color);
                    const seen = fore.slice(0, 3).map((v, i) => v * fore[3] + back[i] * (1 - fore[3]));
                    const [light, dark] = [luminance(seen), luminance(back.slice(0, 3))].sort((a, b) => b - a);
                    const ratio = (light + 0.05) / (dark + 0.05);
                    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
                    if (ratio < (size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5)) {
                        low.push(element.tagName.toLowerCase() + " '" + text.slice(0, 40) + "' " + ratio.toFixed(2));
                    }
                }
                return low;""");
    }

    /** Skips a test class when Chromium or its driver is not installed, unless CI is set. */
    static final class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
                return ConditionEvaluationResult.enabled("chromium at " + BROWSER);
            }
            if (System.getenv("CI") != null) {
                return ConditionEvaluationResult.enabled("CI is set: the browser tests must run");
            }
            String reason = "browser tests skipped: " + ADVICE;
            System.err.println(context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
