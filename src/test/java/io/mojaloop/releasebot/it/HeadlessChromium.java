package io.mojaloop.releasebot.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's {@code chromium} driven through Debian's {@code chromium-driver}: nothing is downloaded at run time
 * (Selenium Manager is never asked, both paths are given; {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} name
 * others). {@code .ci/run} installs both packages; elsewhere the
 * browser tests are skipped when they are missing, unless {@code CI} is set, where a missing browser fails.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Another Chromium build (say Chrome on a GitHub-hosted runner) is chosen by environment variable. */
    private static String setting(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** Skips the calling test when no browser is installed, except on CI, where that is a failure. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new AssertionError("CI is set but " + BROWSER + " or " + DRIVER
                    + " is missing: install the Debian packages chromium and chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, "headless Chromium not installed (apt-get install chromium chromium-driver)");
    }

    /** A fresh browser with its own empty profile and no background network traffic, as a desktop window. */
    static ChromeDriver desktop(int width, int height) {
        return start(width, height, false);
    }

    /**
     * A phone: Chromium's device emulation (viewport, pixel ratio, touch, mobile user agent); a headless window alone
     * can't be narrower than 500 CSS pixels.
     */
    static ChromeDriver phone(int width, int height) {
        return start(width, height, true);
    }

    private static ChromeDriver start(int width, int height, boolean phone) {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of(
                    "deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 3.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                            + "Chrome/150.0 Mobile Safari/537.36"));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
