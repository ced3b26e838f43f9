package io.mojaloop.releasebot.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The dashboard as a person sees it: the packaged app in the sandbox profile walks a release to READY, then headless
 * Chromium loads {@code /releases} on a desktop-sized and a phone-sized window and checks what it actually drew: the
 * timeline's windows and today marker have a size and a place, the gates table lists each gate with its state, and
 * nothing on the phone needs sideways scrolling. Screenshots land in {@code target/dashboard-*.png}.
 */
@QuarkusIntegrationTest
@TestProfile(SandboxIT.SandboxProfile.class)
class DashboardBrowserIT {

    @BeforeEach
    void browserAndFinishedSandbox() {
        HeadlessChromium.assumeInstalled();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/sandbox/state").then().statusCode(200).extract().jsonPath().getBoolean("finished"));
    }

    private static String url() {
        return RestAssured.baseURI + ":" + RestAssured.port + "/releases";
    }

    @Test
    void theTimelineAndTheGatesRenderOnADesktop() throws IOException {
        ChromeDriver browser = HeadlessChromium.desktop(1280, 900);
        try {
            browser.get(url());
            assertThat(browser.getTitle()).isEqualTo("Mojaloop releases");
            WebElement release = browser.findElement(By.id("release-v17.2.0"));
            assertThat(release.isDisplayed()).isTrue();
            assertThat(release.findElement(By.cssSelector(".verdict")).getText()).isEqualTo("READY");

            WebElement timeline = release.findElement(By.cssSelector("svg.timeline"));
            Rectangle box = timeline.getRect();
            assertThat(box.getWidth()).as("timeline width").isGreaterThan(500);
            assertThat(box.getHeight()).as("timeline height").isGreaterThan(40);
            assertThat(timeline.getAttribute("aria-label")).contains("v17.2.0");

            // each freeze window is a bar drawn inside the timeline, the feature freeze before the bug-fix freeze
            Rectangle feature = drawn(timeline, "rect.feature");
            Rectangle bugfix = drawn(timeline, "rect.bugfix");
            assertThat(feature.getX()).as("feature freeze starts before the bug-fix freeze").isLessThan(bugfix.getX());
            for (Rectangle bar : List.of(feature, bugfix)) {
                assertThat(bar.getX()).isBetween(box.getX(), box.getX() + box.getWidth());
                assertThat(bar.getX() + bar.getWidth()).isLessThanOrEqualTo(box.getX() + box.getWidth() + 1);
            }
            // today's marker is drawn, labelled, and inside the timeline
            Rectangle today = timeline.findElement(By.cssSelector("line.today")).getRect();
            assertThat(today.getHeight()).isGreaterThan(20);
            assertThat(today.getX()).isBetween(box.getX(), box.getX() + box.getWidth());
            assertThat(timeline.findElements(By.tagName("text"))).extracting(WebElement::getText).contains("today");
            // with a window ahead, today is left of where the feature freeze ends
            assertThat(today.getX()).isLessThan(feature.getX() + feature.getWidth());

            // the gates table: one visible row per gate, with its state and, for the recorded ones, evidence
            List<WebElement> gates = release.findElements(By.cssSelector("table.gates tr.gate"));
            assertThat(gates).extracting(WebElement::getText).hasSize(3)
                    .anyMatch(t -> t.contains("TTK Golden Path on dev") && t.contains("passed"))
                    .anyMatch(t -> t.contains("Validated by a downstream implementer") && t.contains("passed"))
                    .anyMatch(t -> t.contains("No critical, high or medium priority bugs open"));
            assertThat(gates).allMatch(WebElement::isDisplayed);
            assertThat(release.findElements(By.cssSelector("table.gates a[href]"))).isNotEmpty()
                    .allMatch(a -> a.getAttribute("href").startsWith("http"));

            // the calendar in words is for small screens only
            assertThat(release.findElement(By.cssSelector(".timeline-text")).isDisplayed()).isFalse();

            // a PR blocked by a check is listed with its link
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Pull requests currently blocked");
            save(browser, "dashboard-desktop.png");
        } finally {
            browser.quit();
        }
    }

    @Test
    void itIsReadableOnAPhone() throws IOException {
        ChromeDriver browser = HeadlessChromium.phone(390, 844);
        try {
            browser.get(url());
            JavascriptExecutor js = browser;
            long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
            long page = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            assertThat(viewport).isLessThanOrEqualTo(400);
            assertThat(page).as("page width on a phone: nothing scrolls sideways").isLessThanOrEqualTo(viewport);

            WebElement timeline = browser.findElement(By.cssSelector("#release-v17\\.2\\.0 svg.timeline"));
            Rectangle box = timeline.getRect();
            assertThat(box.getWidth()).as("the timeline shrinks to the screen").isLessThanOrEqualTo((int) viewport)
                    .isGreaterThan(250);
            drawn(timeline, "rect.feature");
            drawn(timeline, "rect.bugfix");
            // the dates, too small to read in the drawing, are spelled out under it
            WebElement words = browser.findElement(By.cssSelector("#release-v17\\.2\\.0 .timeline-text"));
            assertThat(words.isDisplayed()).isTrue();
            assertThat(words.getText()).startsWith("v17.2.0: feature freeze from").contains("bug-fix freeze from", "release on", "today is");
            // the evidence column gives way; gate names and states stay
            WebElement gate = browser.findElement(By.cssSelector("table.gates tr.gate"));
            assertThat(gate.isDisplayed()).isTrue();
            assertThat(gate.findElement(By.cssSelector("td.wide")).isDisplayed()).isFalse();
            save(browser, "dashboard-phone.png");
        } finally {
            browser.quit();
        }
    }

    /** The element's box as rendered, which must have an area. */
    private static Rectangle drawn(WebElement within, String css) {
        WebElement element = within.findElement(By.cssSelector(css));
        Rectangle r = element.getRect();
        assertThat(r.getWidth()).as(css + " width").isGreaterThan(0);
        assertThat(r.getHeight()).as(css + " height").isGreaterThan(0);
        return r;
    }

    private static void save(ChromeDriver browser, String name) throws IOException {
        Path target = Path.of("target", name);
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
