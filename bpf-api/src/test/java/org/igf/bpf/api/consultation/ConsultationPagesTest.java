package org.igf.bpf.api.consultation;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.dashboard.WebSession;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** The consultation pages over HTTP, as a browser without JavaScript uses them (and as the page's script posts). */
@ApiTest
class ConsultationPagesTest {

    @LocalServerPort
    int port;

    Api api;
    Forums forums;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
    }

    @Test
    void showsTheConsultedDraftParagraphByParagraphWithItsDeadline() throws Exception {
        String id = forumInConsultation(Instant.now().plus(4, ChronoUnit.DAYS).plusSeconds(600));

        String page = new WebSession(port).get(page(id)).body();

        assertThat(page).contains("Paragraph 1", "One.", "Paragraph 2", "Two.", "Paragraph 3", "Three.")
                .containsPattern("closes \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC — in 4 days")
                .contains("id=\"form-p1\"", "id=\"form-p3\"", "id=\"form-document\"", "name=\"_csrf\"")
                .contains("<label for=\"p2-author\">", "<label for=\"p2-text\">");
    }

    @Test
    void aCommentOfMarkupRendersAsText() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        Api.Response posted = api.post("/api/forums/" + id + "/comments", Api.COORDINATOR,
                json("author", "<b>Mallory</b>", "organisation", "<img src=x onerror=alert(2)>",
                        "text", "<script>alert(1)</script>", "paragraph", 1));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

        String page = new WebSession(port).get(page(id)).body();

        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Mallory&lt;/b&gt;", "&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<script>alert(1)", "<b>Mallory", "<img src=x");
    }

    @Test
    void aFormPostedWithoutJavaScriptComesBackToThePageWithAMessage() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        WebSession member = aMemberOfThePublic();

        HttpResponse<String> posted = member.postForm(comments(id), "paragraph=2&author=Ana+Lima&organisation=ISOC&stakeholderGroup=CIVIL_SOCIETY"
                + "&email=ana%40example.org&text=Say+more+about+IPv6.&_csrf=" + member.csrfToken(page(id)));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/forums/" + id + "/consultation#paragraph-2");
        String page = member.get(page(id)).body();
        assertThat(page).contains("Your comment is published", "Ana Lima", "ISOC", "(Civil society)", "Say more about IPv6.")
                .doesNotContain("ana@example.org");
        assertThat(member.get(page(id)).body()).as("the message is shown once").doesNotContain("Your comment is published");
    }

    @Test
    void aFormPostedByThePagesScriptIsAnsweredInJsonWithThePublishedComment() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        WebSession member = aMemberOfThePublic();

        HttpResponse<String> answer = member.postFetch(comments(id), "author=Chen&organisation=&stakeholderGroup=ACADEMIA"
                + "&text=On+the+whole.&_csrf=" + member.csrfToken(page(id)));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(answer.body()).contains("\"outcome\":\"published\"", "\"form\":\"document\"", "\"author\":\"Chen\"",
                "\"stakeholderGroup\":\"Academia\"", "\"text\":\"On the whole.\"");
        assertThat(member.get(page(id)).body()).contains("On the whole.").doesNotContain("No comments on the whole document yet.");
    }

    @Test
    void underPreModerationTheCommenterIsToldItAwaitsModeration() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        assertThat(api.post("/api/forums/" + id + "/moderation", Api.COORDINATOR, json("preModeration", true)).status()).isEqualTo(200);
        WebSession member = aMemberOfThePublic();

        HttpResponse<String> answer = member.postFetch(comments(id), "author=Ben&text=Held+text.&_csrf=" + member.csrfToken(page(id)));

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).contains("\"outcome\":\"held\"", "awaits moderation").doesNotContain("Held text.");
        assertThat(member.get(page(id)).body()).doesNotContain("Held text.");
        HttpResponse<String> posted = member.postForm(comments(id), "author=Ben&text=Second.&_csrf=" + member.csrfToken(page(id)));
        assertThat(member.get(posted.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body())
                .contains("Your comment awaits moderation");
    }

    @Test
    void anInvalidFormComesBackWithItsTextAndErrorsTiedToTheFields() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        WebSession member = aMemberOfThePublic();

        HttpResponse<String> posted = member.postForm(comments(id), "paragraph=1&author=&email=not-an-address&text=Kept+text.&_csrf="
                + member.csrfToken(page(id)));
        String page = member.get(page(id)).body();

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(page).contains("Your comment was not sent; see the fields marked.")
                .containsPattern("id=\"p1-author\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"p1-author-error\"[^>]*autofocus")
                .contains("id=\"p1-author-error\">Give your name.</p>")
                .containsPattern("id=\"p1-email\"[^>]*aria-describedby=\"p1-email-error\"")
                .contains(">Kept text.</textarea>");
        assertThat(page.split("autofocus=\"autofocus\"", -1)).as("only the first field in error takes the focus").hasSize(2);

        HttpResponse<String> json = member.postFetch(comments(id), "paragraph=1&author=Ana&text=&_csrf=" + member.csrfToken(page(id)));
        assertThat(json.statusCode()).isEqualTo(422);
        assertThat(json.body()).contains("\"form\":\"p1\"", "\"text\":\"Write your comment.\"");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        WebSession visitor = new WebSession(port);
        visitor.get(page(id));

        assertThat(visitor.postForm(comments(id), "author=Eve&text=Forged.").statusCode()).isEqualTo(403);
        assertThat(api.get("/api/forums/" + id + "/comments", Api.COORDINATOR).body()).doesNotContain("Forged.");
    }

    /** The anonymous bucket is shared by every anonymous test client here: spend what is left, then see the refusal. */
    @Test
    void anAnonymousVisitorOverTheRateLimitIsToldWhenToTryAgain() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        WebSession visitor = new WebSession(port);
        String token = visitor.csrfToken(page(id));

        HttpResponse<String> answer = null;
        for (int i = 0; i < 7; i++) {
            answer = visitor.postFetch(comments(id), "author=Visitor&text=Flood+" + i + "&_csrf=" + token);
            if (answer.statusCode() == 429) {
                break;
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        }
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.body()).containsPattern("Too many comments, try again in \\d+ s");

        HttpResponse<String> posted = visitor.postForm(comments(id), "author=Visitor&text=Still+mine.&_csrf=" + token);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(visitor.get(page(id)).body()).containsPattern("Too many comments, try again in \\d+ s").contains(">Still mine.</textarea>");
    }

    @Test
    void theModerationQueueIsForTheSecretariatAndTheForumsCoordinators() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));

        HttpResponse<String> anonymous = new WebSession(port).get("/forums/" + id + "/moderation");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        WebSession otherCoordinator = new WebSession(port);
        otherCoordinator.signIn(anAccount("COORDINATOR"), PASSWORD);
        assertThat(otherCoordinator.get("/forums/" + id + "/moderation").statusCode()).isEqualTo(403);
        assertThat(otherCoordinator.get("/forums/" + id + "/dispositions").statusCode()).isEqualTo(403);

        WebSession coordinator = new WebSession(port);
        coordinator.signIn("coordinator", "coordinator");
        assertThat(coordinator.get("/forums/" + id + "/moderation").statusCode()).isEqualTo(200);
        WebSession secretariat = new WebSession(port);
        secretariat.signIn("secretariat", "secretariat");
        assertThat(secretariat.get("/forums/" + id + "/dispositions").statusCode()).isEqualTo(200);
    }

    @Test
    void aModeratorApprovesAndHidesAFloodInBulkAndSeesEachCommentersOtherComments() throws Exception {
        String id = forumInConsultation(Instant.now().plus(2, ChronoUnit.DAYS));
        assertThat(api.post("/api/forums/" + id + "/moderation", Api.COORDINATOR, json("preModeration", true)).status()).isEqualTo(200);
        String first = forums.comment(id, "Spammer", 1);
        String second = forums.comment(id, "Spammer", 2);
        String third = forums.comment(id, "Dana", null);
        WebSession coordinator = new WebSession(port);
        coordinator.signIn("coordinator", "coordinator");
        String queue = "/forums/" + id + "/moderation";

        String page = coordinator.get(queue).body();
        assertThat(page).contains("3 waiting, 0 published, 0 hidden.", "1 other comment by Spammer", "No other comment by this name.");

        String token = coordinator.csrfToken(queue);
        HttpResponse<String> withoutReason = coordinator.postForm(queue + "/bulk",
                "action=hide&commentIds=" + first + "&commentIds=" + second + "&_csrf=" + token);
        assertThat(withoutReason.statusCode()).isEqualTo(302);
        assertThat(coordinator.get(queue).body()).contains("Hiding comments needs a reason.", "aria-describedby=\"bulk-reason-error\"");

        coordinator.postForm(queue + "/bulk", "action=hide&reason=" + URLEncoder.encode("Spam, twice", StandardCharsets.UTF_8)
                + "&commentIds=" + first + "&commentIds=" + second + "&_csrf=" + token);
        assertThat(coordinator.get(queue).body()).contains("Hidden: 2 comments.", "1 waiting, 0 published, 2 hidden.");
        coordinator.postForm(queue + "/" + third + "/approve", "_csrf=" + token);

        assertThat(coordinator.get(queue).body()).contains("Approved: the comment is published.", "No comment is waiting for moderation.");
        List<String> statuses = api.get("/api/forums/" + id + "/comments", Api.COORDINATOR).json().findValuesAsText("status");
        assertThat(statuses).containsExactlyInAnyOrder("HIDDEN", "HIDDEN", "PUBLISHED");
        assertThat(api.get("/api/forums/" + id + "/comments", Api.COORDINATOR).body()).contains("Spam, twice");
    }

    static final String PASSWORD = "a long enough password";

    private String anAccount(String role) {
        String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/accounts", Api.SECRETARIAT, json("username", username, "password", PASSWORD, "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    /** A signed-in expert: a member of the public with an account of their own, and a rate-limit bucket of their own. */
    private WebSession aMemberOfThePublic() throws Exception {
        WebSession member = new WebSession(port);
        member.signIn(anAccount("EXPERT"), PASSWORD);
        return member;
    }

    private String forumInConsultation(Instant closesAt) {
        return forums.aForumInConsultation(closesAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String page(String id) {
        return "/forums/" + id + "/consultation";
    }

    private static String comments(String id) {
        return "/forums/" + id + "/consultation/comments";
    }
}
