package org.igf.bpf.api.consultation;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.HeadlessChromium;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/**
 * The consultation page in headless Chromium (Debian's, through /usr/bin/chromedriver), from a comment
 * on a paragraph to its disposition on the public page: with JavaScript (posting without a reload) and
 * without it (plain forms). Screenshots of the page before and after the revision land in
 * target/screenshots; any error in the browser's console fails the test.
 */
@ApiTest
class ConsultationBrowserTest {

    static final String DRAFT = "IXPs keep traffic local.\n\nThey need neutral hosting.\n\nThey lower the cost of transit.";
    static final String REVISED = "IXPs keep traffic local.\n\nThey need neutral hosting, such as the ones listed in the annex."
            + "\n\nThey lower the cost of transit.";
    static final Pattern RETRY_AFTER = Pattern.compile("try again in (\\d+) s");

    @LocalServerPort
    int port;

    Api api;
    Forums forums;
    ChromeDriver browser;
    WebDriverWait wait;
    HeadlessChromium chromium;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAnonymousCommentIsApprovedDispositionedAndFoundOnThePublicPage() throws Exception {
        startBrowser(true);
        String id = aForumInConsultationClosingIn(Duration.ofSeconds(45));
        browser.get(url(page(id)));
        assertThat(browser.findElement(By.id("deadline")).getText()).contains("The consultation closes", "UTC — in");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-enhanced", "true"));

        // an anonymous visitor comments on paragraph 2; the answer shows in the form, without a reload
        ((JavascriptExecutor) browser).executeScript("window.bpfNotReloaded = true;");
        fillCommentOnParagraph2("Dana Visitor");
        submitRespectingTheRateLimit();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.bpfNotReloaded === true;")).isEqualTo(true);
        assertThat(browser.findElement(By.id("p2-text")).getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("comments-p2")).getText()).doesNotContain("Name the hosts");

        moderateDispositionAndCheckThePublicPage(id, "Dana Visitor", "js");
        assertNoBrowserErrors();
    }

    @Test
    void theSameFlowWorksWithJavaScriptDisabled() throws Exception {
        startBrowser(false);
        String id = aForumInConsultationClosingIn(Duration.ofSeconds(40));
        String member = anExpertAccount();
        browser.get(url(page(id)));
        signIn(member);
        wait.until(ExpectedConditions.urlContains(page(id)));
        assertThat(browser.findElements(By.cssSelector("body[data-enhanced]"))).as("no script ran").isEmpty();

        fillCommentOnParagraph2("Erin Member");
        browser.findElement(By.id("p2-submit")).click();
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(notice.getText()).contains("Your comment awaits moderation");
        assertThat(browser.getCurrentUrl()).endsWith(page(id) + "#paragraph-2");
        signOut();

        // a form sent empty comes back with its errors tied to the fields, focus on the first
        browser.get(url(page(id)));
        browser.findElement(By.cssSelector("#paragraph-1 summary")).click();
        browser.findElement(By.id("p1-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("p1-author-error")));
        assertThat(browser.findElement(By.id("p1-author")).getAttribute("aria-describedby")).isEqualTo("p1-author-error");
        assertThat(browser.findElement(By.id("p1-text")).getAttribute("aria-describedby")).isEqualTo("p1-text-error");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("p1-author");

        moderateDispositionAndCheckThePublicPage(id, "Erin Member", "nojs");
        assertNoBrowserErrors();
    }

    private void moderateDispositionAndCheckThePublicPage(String id, String author, String shots) throws Exception {
        // the coordinator approves it from the moderation queue, where the commenter's other comments show
        browser.get(url(page(id)));
        signIn("coordinator");
        wait.until(ExpectedConditions.urlContains(page(id)));
        browser.findElement(By.id("moderation-link")).click();
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[@class='approve' and contains(., '" + author + "')]")));
        approve.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Approved: the comment is published."));

        // the public page shows it, what the commenter wrote as text
        signOut();
        browser.get(url(page(id)));
        WebElement comment = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comments-p2 .comment")));
        assertThat(comment.getText()).contains(author, "Internet Society", "(Civil society)",
                "Name the hosts. <script>alert('x')</script>");
        assertThat(browser.findElements(By.cssSelector(".comment-form")).size()).isEqualTo(4);
        fullPageScreenshot("consultation-" + shots + "-before-revision");

        // the deadline passes: the forum moves to the revision, and the coordinators revise the draft
        forums.awaitStage(id, "REVISION", Duration.ofSeconds(60));
        forums.draft(id, REVISED);

        browser.get(url(page(id)));
        signIn("coordinator");
        wait.until(ExpectedConditions.urlContains(page(id)));
        browser.findElement(By.id("dispositions-link")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("remaining"))).getText())
                .isEqualTo("1 of 1 comment still without a disposition.");
        new Select(browser.findElement(By.cssSelector("select[name=disposition]"))).selectByValue("PARTIALLY_ACCEPTED");
        browser.findElement(By.cssSelector("textarea[name=note]")).sendKeys("Hosts are now listed in an annex.");
        browser.findElement(By.cssSelector(".disposition-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Saved the disposition."));
        assertThat(browser.findElement(By.id("remaining")).getText()).isEqualTo("0 of 1 comment still without a disposition.");
        signOut();

        // the public page: closed, no forms, the disposition and its note, and the revised version's diff
        browser.get(url(page(id)));
        assertThat(browser.findElement(By.id("deadline")).getText()).contains("The consultation closed");
        assertThat(browser.findElement(By.id("closed")).getText()).contains("closed");
        assertThat(browser.findElements(By.cssSelector(".comment-form"))).isEmpty();
        WebElement disposed = browser.findElement(By.cssSelector("#comments-p2 .comment"));
        assertThat(disposed.findElement(By.className("disposition-kind")).getText()).isEqualTo("Partially accepted");
        assertThat(disposed.findElement(By.className("disposition-note")).getText()).isEqualTo("Hosts are now listed in an annex.");
        fullPageScreenshot("consultation-" + shots + "-after-revision");

        browser.findElement(By.id("revision-link")).click();
        WebElement changed = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diff .change-changed")));
        assertThat(changed.getText()).contains("¶ 2", "They need neutral hosting.", "such as the ones listed in the annex");
        assertThat(browser.findElements(By.cssSelector("#diff .change-unchanged"))).hasSize(2);
        fullPageScreenshot("consultation-" + shots + "-revision-diff");
    }

    private void fillCommentOnParagraph2(String author) {
        browser.findElement(By.cssSelector("#paragraph-2 summary")).click();
        browser.findElement(By.id("p2-author")).sendKeys(author);
        browser.findElement(By.id("p2-organisation")).sendKeys("Internet Society");
        new Select(browser.findElement(By.id("p2-stakeholderGroup"))).selectByValue("CIVIL_SOCIETY");
        browser.findElement(By.id("p2-text")).sendKeys("Name the hosts. <script>alert('x')</script>");
    }

    /**
     * Anonymous visitors share one bucket per address, which other tests here may have spent within
     * the minute: when the page says to try again in N seconds, the visitor does, as a person would.
     */
    private void submitRespectingTheRateLimit() throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            browser.findElement(By.id("p2-submit")).click();
            WebElement status = browser.findElement(By.id("p2-status"));
            wait.until(driver -> status.getText().contains("awaits moderation") || status.getText().contains("Too many comments"));
            Matcher retry = RETRY_AFTER.matcher(status.getText());
            if (!retry.find()) {
                return;
            }
            assertThat(browser.findElement(By.id("p2-text")).getAttribute("value")).as("the text is kept").isNotEmpty();
            Thread.sleep((Long.parseLong(retry.group(1)) + 1) * 1000);
        }
        assertThat(browser.findElement(By.id("p2-status")).getText()).contains("awaits moderation");
    }

    private void signIn(String username) {
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username.equals("coordinator") ? "coordinator" : ConsultationPagesTest.PASSWORD);
        browser.findElement(By.id("sign-in-button")).click();
        // signed in once the page it returns to offers to sign out (the sign-in page's own address
        // holds the page to return to, so waiting for that address would not wait at all)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    /** Signing out posts a form; the next page is loaded only once its answer (the board) is in. */
    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }

    private String anExpertAccount() {
        String username = "member-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/accounts", Api.SECRETARIAT,
                json("username", username, "password", ConsultationPagesTest.PASSWORD, "roles", List.of("EXPERT")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private String aForumInConsultationClosingIn(Duration left) {
        String id = forums.aNewForum(2042, "Internet exchange points", List.of("coordinator"));
        forums.registerBalancedExperts(id);
        forums.advance(id, "EXPERT_RECRUITMENT");
        forums.advance(id, "DISCUSSION");
        forums.draft(id, DRAFT);
        assertThat(api.post("/api/forums/" + id + "/moderation", Api.COORDINATOR, json("preModeration", true)).status()).isEqualTo(200);
        forums.advance(id, "DRAFTING", "consultationClosesAt", Instant.now().plus(left).truncatedTo(ChronoUnit.SECONDS).toString());
        return id;
    }

    private void startBrowser(boolean javascript) throws IOException {
        chromium = HeadlessChromium.start(1300, 1000, javascript);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String page(String id) {
        return "/forums/" + id + "/consultation";
    }

    private void fullPageScreenshot(String name) throws IOException {
        chromium.fullPageScreenshot(name);
    }

    private void assertNoBrowserErrors() {
        chromium.assertNoErrors();
    }
}
