package org.igf.bpf.api.dashboard;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.HeadlessChromium;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.igf.bpf.api.dashboard.web.DashboardStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through /usr/bin/chromedriver
 * (nothing is downloaded). Screenshots land in target/screenshots; any JavaScript error, failed
 * resource or Content Security Policy violation in the browser's console fails the test.
 */
@ApiTest
class DashboardBrowserTest {

    static final int CYCLE = 2041;

    @LocalServerPort
    int port;
    @Autowired
    DashboardStream stream;

    Api api;
    Boards boards;
    Forums forums;
    ChromeDriver browser;
    WebDriverWait wait;
    HeadlessChromium chromium;

    @BeforeEach
    void startBrowser() throws IOException {
        api = new Api(port);
        boards = new Boards(api);
        forums = new Forums(api);
        chromium = HeadlessChromium.start(1500, 1000, true);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aCoordinatorAdvancesAForumFromItsPageAndTheBoardFollowsChangesLive() throws Exception {
        String ipv6 = boards.aForum(CYCLE, "IPv6 adoption", List.of("coordinator"));
        forums.expert(ipv6, "Ana", "GOVERNMENT");
        forums.expert(ipv6, "Ben", "CIVIL_SOCIETY");
        String spam = boards.aForum(CYCLE, "Spam and cybersecurity", List.of());
        String ixps = aForumInConsultation("Internet exchange points");
        boards.awaitCard(CYCLE, "EXPERT_RECRUITMENT", spam);
        boards.awaitCard(CYCLE, "PUBLIC_CONSULTATION", ixps);

        // the board shows the forum in the column of its stage (the page swaps its live regions when
        // a change arrives, so elements are looked up afresh each time rather than held)
        browser.get(url("/?cycle=" + CYCLE));
        By ipv6Card = By.cssSelector("#column-expert-recruitment #card-" + ipv6);
        wait.until(ExpectedConditions.presenceOfElementLocated(ipv6Card));
        awaitLive();
        assertThat(textOf(ipv6Card)).contains("IPv6 adoption", "Coordinators: coordinator", "2 experts");
        assertThat(textOf(By.cssSelector("#card-" + spam))).contains("Call for volunteers");
        assertThat(textOf(By.cssSelector("#column-public-consultation #card-" + ixps)))
                .contains("consultation closes in 4 days");
        screenshot("board");

        // to the forum's page, and sign in from there as its coordinator
        click(By.xpath("//*[@id='card-" + ipv6 + "']//a[normalize-space()='IPv6 adoption']"));
        wait.until(ExpectedConditions.urlContains("/forums/" + ipv6));
        click(By.id("sign-in"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys("coordinator");
        browser.findElement(By.id("password")).sendKeys("coordinator");
        browser.findElement(By.id("sign-in-button")).click();
        // the sign-in page's address holds the page to return to: wait for the signed-in page itself
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        wait.until(ExpectedConditions.urlContains("/forums/" + ipv6));

        // two experts are too few: the page shows the aggregate's reason, the same as the API's detail
        click(By.id("advance-button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
        String apiDetail = api.post("/api/forums/" + ipv6 + "/advance", Api.COORDINATOR, Api.json("from", "EXPERT_RECRUITMENT"))
                .json().get("detail").asText();
        assertThat(textOf(By.cssSelector("#refusal .refusal-detail"))).isEqualTo(apiDetail);
        assertThat(textOf(By.id("refusal"))).contains("recruitment.too-few");

        // a third expert registered through the API shows on the open page without a reload
        markPage();
        forums.expert(ipv6, "Chen", "TECHNICAL_COMMUNITY");
        wait.until(ExpectedConditions.textToBe(By.id("experts-title"), "Experts (3)"));
        assertPageNotReloaded();

        click(By.id("advance-button"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Moved from Expert recruitment to Discussion"));
        String stage = wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.id("current-stage")).getAttribute("data-stage"));
        assertThat(stage).isEqualTo("DISCUSSION");
        awaitLive();
        fullPageScreenshot("forum");

        // back on the board the card has moved to the next column
        browser.get(url("/?cycle=" + CYCLE));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#column-discussion #card-" + ipv6)));
        assertThat(browser.findElements(By.cssSelector("#column-expert-recruitment #card-" + ipv6))).isEmpty();
        awaitLive();

        // a change made elsewhere (the API) moves the card on the open board, without a reload
        markPage();
        forums.advance(ipv6, "DISCUSSION");
        Instant changed = Instant.now(); // the change is committed when the API answers
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#column-drafting #card-" + ipv6)));
        Duration took = Duration.between(changed, Instant.now());
        assertThat(took).as("board updated %s after the change", took).isLessThan(Duration.ofSeconds(2));
        assertPageNotReloaded();
        screenshot("board-live");

        // the server ends the stream (as when it stops): the page reconnects by itself and keeps following
        stream.disconnectAll();
        Instant until = Instant.now().plusSeconds(10);
        while (stream.connections() == 0 && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(stream.connections()).as("pages connected again").isPositive();
        forums.expert(ipv6, "Dee", "ACADEMIA");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#card-" + ipv6), "4 experts"));
        assertPageNotReloaded();

        // and at phone width the board is one column of cards
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#card-" + ipv6)));
        screenshot("board-phone");

        // a forum in consultation: its timeline marks today and the deadline
        browser.manage().window().setSize(new Dimension(1500, 1000));
        browser.get(url("/forums/" + ixps));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline .marker-deadline")));
        awaitLive();
        fullPageScreenshot("forum-consultation");

        assertNoBrowserErrors();
    }

    private String aForumInConsultation(String topic) {
        String id = boards.aForum(CYCLE, topic, List.of("coordinator"));
        forums.registerBalancedExperts(id);
        forums.expert(id, "Dee", "ACADEMIA");
        forums.advance(id, "EXPERT_RECRUITMENT");
        forums.advance(id, "DISCUSSION");
        forums.draft(id, "IXPs keep traffic local.\n\nThey need neutral hosting.");
        forums.advance(id, "DRAFTING", "consultationClosesAt",
                Instant.now().plus(4, ChronoUnit.DAYS).plusSeconds(600).truncatedTo(ChronoUnit.SECONDS).toString());
        return id;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until the page's event stream is connected, so that no change can slip by unheard. */
    private void awaitLive() {
        wait.until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
    }

    /** The text of an element, looked up again if a live update replaced it meanwhile. */
    private String textOf(By locator) {
        return wait.ignoring(StaleElementReferenceException.class).until(driver -> driver.findElement(locator).getText());
    }

    /** Clicks an element, looked up again if a live update replaced it meanwhile. */
    private void click(By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(locator).click();
            return true;
        });
    }

    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.bpfNotReloaded = true;");
    }

    private void assertPageNotReloaded() {
        assertThat(((JavascriptExecutor) browser).executeScript("return window.bpfNotReloaded === true;")).isEqualTo(true);
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    private void fullPageScreenshot(String name) throws IOException {
        chromium.fullPageScreenshot(name);
    }

    private void assertNoBrowserErrors() {
        chromium.assertNoErrors();
    }
}
