package org.igf.bpf.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** A forum as of an instant is exactly what the API answered at that instant. */
@ApiTest
class ForumAsOfTest {

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
    void showsAForumAsTheApiAnsweredAtEachEarlierMoment() throws Exception {
        Instant beforeCreation = Instant.now();
        Thread.sleep(2);
        String id = forums.aNewForum();
        Map<Instant, JsonNode> answered = new LinkedHashMap<>();
        remember(id, answered);
        forums.registerBalancedExperts(id);
        remember(id, answered);
        forums.advance(id, "EXPERT_RECRUITMENT");
        forums.advance(id, "DISCUSSION");
        forums.draft(id, "One.\n\nTwo.");
        forums.advance(id, "DRAFTING", "consultationClosesAt", Instant.now().plusSeconds(3600).toString());
        comment(id, "Mention the regional registries.");
        remember(id, answered);
        comment(id, "And the IXPs.");
        forums.draft(id, "One, revised.\n\nTwo.");
        remember(id, answered);

        for (Map.Entry<Instant, JsonNode> then : answered.entrySet()) {
            Api.Response asOf = api.get("/api/forums/" + id + "?asOf=" + then.getKey(), Api.ANONYMOUS);
            assertThat(asOf.status()).as(asOf.toString()).isEqualTo(200);
            assertThat(asOf.json()).as("as of " + then.getKey()).isEqualTo(then.getValue());
        }
        JsonNode midConsultation = api.get("/api/forums/" + id + "?asOf=" + answered.keySet().toArray()[2], null).json();
        assertThat(midConsultation.get("stage").asText()).isEqualTo("PUBLIC_CONSULTATION");
        assertThat(midConsultation.at("/consultation/commentCount").asInt()).isEqualTo(1);
        assertThat(midConsultation.get("drafts")).hasSize(1);
        assertThat(midConsultation.get("experts")).hasSize(3);
        assertThat(api.get("/api/forums/" + id, null).json().at("/consultation/commentCount").asInt()).isEqualTo(2);

        Api.Response notYet = api.get("/api/forums/" + id + "?asOf=" + beforeCreation, null);
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.json().get("code").asText()).isEqualTo("forum.not-found");
        assertThat(notYet.json().get("detail").asText()).contains("had not been opened yet");
        assertThat(api.get("/api/forums/no-such-forum?asOf=" + Instant.now(), null).status()).isEqualTo(404);
    }

    private void remember(String id, Map<Instant, JsonNode> answered) throws InterruptedException {
        JsonNode now = api.get("/api/forums/" + id, Api.ANONYMOUS).json();
        answered.put(Instant.now(), now);
        Thread.sleep(2); // the next event is recorded strictly later than the moment remembered
    }

    private void comment(String id, String text) {
        Api.Response response = api.post("/api/forums/" + id + "/comments", Api.COORDINATOR, json("author", "Jane Doe", "text", text));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }
}
