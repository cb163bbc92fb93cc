package org.igf.bpf.api.forum;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** One forum through every stage over HTTP, each step an event in PostgreSQL with who and when. */
@ApiTest
class ForumEndToEndTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Forums forums;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
    }

    @Test
    void walksAForumThroughEveryStageToConcluded() throws Exception {
        Api.Response created = api.post("/api/forums", Api.SECRETARIAT,
                json("cycle", 2015, "topic", "IXPs", "coordinators", List.of("coordinator")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/api/forums/" + id);
        assertThat(created.json().get("stage").asText()).isEqualTo("EXPERT_RECRUITMENT");

        forums.registerBalancedExperts(id);
        assertThat(forums.advance(id, "EXPERT_RECRUITMENT").get("stage").asText()).isEqualTo("DISCUSSION");
        assertThat(forums.advance(id, "DISCUSSION").get("stage").asText()).isEqualTo("DRAFTING");
        assertThat(forums.draft(id, "IXPs keep traffic local.\n\nThey need neutral hosting.")).isEqualTo(1);
        Instant closesAt = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        JsonNode inConsultation = forums.advance(id, "DRAFTING", "consultationClosesAt", closesAt.toString());
        assertThat(inConsultation.get("stage").asText()).isEqualTo("PUBLIC_CONSULTATION");
        assertThat(inConsultation.at("/consultation/closesAt").asText()).isEqualTo(closesAt.toString());

        Api.Response comment = api.post("/api/forums/" + id + "/comments", Api.COORDINATOR,
                json("author", "Jane Doe", "text", "Mention Africa's IXPs.", "paragraph", 2));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(201);

        forums.awaitStage(id, "REVISION", Duration.ofSeconds(3 + 10));
        Api.Response late = api.post("/api/forums/" + id + "/comments", Api.COORDINATOR, json("author", "Late", "text", "Too late"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("code").asText()).isEqualTo("consultation.not-open");

        forums.draft(id, "IXPs keep traffic local, in Africa too.\n\nThey need neutral hosting.");
        Api.Response disposition = api.post("/api/forums/" + id + "/comments/" + comment.json().get("id").asText() + "/disposition",
                Api.COORDINATOR, json("disposition", "ACCEPTED", "note", "Africa's IXPs are named."));
        assertThat(disposition.status()).as(disposition.toString()).isEqualTo(200);
        assertThat(forums.advance(id, "REVISION").get("stage").asText()).isEqualTo("PRESENTATION");
        JsonNode concluded = forums.advance(id, "PRESENTATION", "presentedAt", "2015-11-12T10:00:00Z",
                "session", "BPF on IXPs, João Pessoa");
        assertThat(concluded.get("stage").asText()).isEqualTo("CONCLUDED");
        assertThat(concluded.at("/consultation/commentCount").asInt()).isEqualTo(1);
        assertThat(concluded.at("/presentation/session").asText()).isEqualTo("BPF on IXPs, João Pessoa");

        Api.Response history = api.get("/api/forums/" + id + "/history", Api.SECRETARIAT);
        assertThat(history.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        for (JsonNode entry : history.json()) {
            types.add(entry.get("type").asText());
            assertThat(entry.at("/actor/name").asText()).isNotBlank();
            assertThat(entry.get("occurredAt").asText()).isNotBlank();
        }
        assertThat(types).containsExactly("ForumCreated", "ExpertRegistered", "ExpertRegistered", "ExpertRegistered",
                "DiscussionStarted", "DraftingStarted", "DraftVersionAdded", "PublicConsultationOpened", "CommentSubmitted",
                "PublicConsultationClosed", "DraftVersionAdded", "CommentDisposed", "RevisionCompleted", "OutcomePresented",
                "OutcomePublished");
        assertThat(history.json().get(9).at("/actor/name").asText()).isEqualTo("timer");
        assertThat(history.json().get(9).get("activityId").asText()).isEqualTo("Task_ClosePublicConsultation");
        assertThat(history.json().get(0).at("/actor/role").asText()).isEqualTo("SECRETARIAT");

        Instant until = Instant.now().plusSeconds(5);
        while (!listedStage(id).equals("CONCLUDED") && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(listedStage(id)).isEqualTo("CONCLUDED");
    }

    @Test
    void recordsTheRequestIdOnTheEventsItCaused() {
        String id = forums.aNewForum();
        Api.Response response = api.send(api.request("/api/forums/" + id + "/experts", Api.COORDINATOR)
                .header("Content-Type", "application/json").header("X-Request-Id", "walk-42")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json("name", "Ana", "stakeholderGroup", "ACADEMIA"))));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("X-Request-Id")).isEqualTo("walk-42");
        JsonNode history = api.get("/api/forums/" + id + "/history", Api.SECRETARIAT).json();
        assertThat(history.get(1).get("requestId").asText()).isEqualTo("walk-42");
        assertThat(api.get("/api/forums/" + id, null).header("X-Request-Id")).isNotBlank();
    }

    @Test
    void noStoredEventLacksAnActor() {
        forums.aForumInDrafting();

        List<String> metadata = jdbc.queryForList("select convert_from(meta_data, 'UTF8') from domain_event_entry", String.class);

        assertThat(metadata).isNotEmpty().allSatisfy(meta -> assertThat(meta).contains("\"actor\":\"").contains("\"actorRole\":\""));
    }

    @Test
    void theForumListCountsAConsultationsCommentsWithoutKeepingThemInItsRows() throws Exception {
        String id = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
        for (int i = 1; i <= 3; i++) {
            forums.comment(id, "Commenter " + i, null);
        }

        Instant deadline = Instant.now().plusSeconds(10);
        while (listed(id).path("commentCount").asInt() != 3 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(listed(id).path("commentCount").asInt()).isEqualTo(3);
        String row = jdbc.queryForObject("select document::text from forum_view where forum_id = ?", String.class, id);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(row).path("comments")).as(row).isEmpty();
        assertThat(api.get("/api/forums/" + id, Api.COORDINATOR).json().path("comments")).hasSize(3);
    }

    private JsonNode listed(String id) {
        for (JsonNode forum : api.get("/api/forums?cycle=2015", null).json()) {
            if (forum.get("id").asText().equals(id)) {
                return forum;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private String listedStage(String id) {
        for (JsonNode forum : api.get("/api/forums?cycle=2015", null).json()) {
            if (forum.get("id").asText().equals(id)) {
                return forum.get("stage").asText();
            }
        }
        return "";
    }
}
