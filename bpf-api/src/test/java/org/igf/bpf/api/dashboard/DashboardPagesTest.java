package org.igf.bpf.api.dashboard;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' security and plain HTTP behaviour: sign-in, where it leads, CSRF, CSP, unknown forums. */
@ApiTest
class DashboardPagesTest {

    @LocalServerPort
    int port;

    Forums forums;

    @BeforeEach
    void setUp() {
        forums = new Forums(new Api(port));
    }

    @Test
    void signingInLeadsBackToThePageItStartedFrom() throws Exception {
        HttpResponse<String> signedIn = new WebSession(port).signIn("coordinator", "coordinator", "/forums/abc");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/forums/abc");
    }

    @Test
    void signingInNeverLeadsToAnotherSite() throws Exception {
        for (String next : new String[]{"//evil.example/x", "https://evil.example/", "/\\evil.example"}) {
            HttpResponse<String> signedIn = new WebSession(port).signIn("coordinator", "coordinator", next);
            assertThat(signedIn.headers().firstValue("Location").orElseThrow()).as(next).isEqualTo("http://localhost:" + port + "/");
        }
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAnError() throws Exception {
        WebSession session = new WebSession(port);
        HttpResponse<String> refused = session.signIn("coordinator", "wrong", "/forums/abc");

        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error").contains("next=%2Fforums%2Fabc");
        assertThat(session.get("/login?error").body()).contains("Wrong user name or password");
    }

    @Test
    void theFormsNeedTheirCsrfToken() throws Exception {
        String id = forums.aNewForum();
        WebSession coordinator = new WebSession(port);
        coordinator.signIn("coordinator", "coordinator");

        HttpResponse<String> forged = coordinator.postForm("/forums/" + id + "/advance", "from=EXPERT_RECRUITMENT");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forums.stageOf(id)).isEqualTo("EXPERT_RECRUITMENT");
    }

    @Test
    void aSignedOutVisitorCannotAdvance() throws Exception {
        String id = forums.aNewForum();
        WebSession anonymous = new WebSession(port);

        HttpResponse<String> refused = anonymous.postForm("/forums/" + id + "/advance",
                "from=EXPERT_RECRUITMENT&_csrf=" + anonymous.csrfToken("/login"));

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(forums.stageOf(id)).isEqualTo("EXPERT_RECRUITMENT");
    }

    @Test
    void thePagesAllowScriptsFromFilesOnly() throws Exception {
        HttpResponse<String> board = new WebSession(port).get("/");

        String policy = board.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(board.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>| on[a-z]+=\"");
    }

    @Test
    void anUnknownForumIsANotFoundPage() throws Exception {
        HttpResponse<String> page = new WebSession(port).get("/forums/no-such-forum");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("There is no forum with id no-such-forum.");
    }
}
