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
