package org.igf.bpf.api.forum;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Brings forums to a stage through the HTTP API, as a coordinator would. */
public final class Forums {

    private final Api api;

    public Forums(Api api) {
        this.api = api;
    }

    public String aNewForum(String topic, List<String> coordinators) {
        return aNewForum(2015, topic, coordinators);
    }

    public String aNewForum(int cycle, String topic, List<String> coordinators) {
        Api.Response created = api.post("/api/forums", Api.SECRETARIAT, json("cycle", cycle, "topic", topic, "coordinators", coordinators));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    public String aNewForum() {
        return aNewForum("IPv6", List.of("coordinator"));
    }

    public void registerBalancedExperts(String id) {
        expert(id, "Ana", "GOVERNMENT");
        expert(id, "Ben", "CIVIL_SOCIETY");
        expert(id, "Chen", "TECHNICAL_COMMUNITY");
    }

    public void registerBalancedExpertsAs(String id, String credentials) {
        expert(id, "Ana", "GOVERNMENT", credentials);
        expert(id, "Ben", "CIVIL_SOCIETY", credentials);
        expert(id, "Chen", "TECHNICAL_COMMUNITY", credentials);
    }

    public void expert(String id, String name, String group) {
        expert(id, name, group, Api.COORDINATOR);
    }

    public void expert(String id, String name, String group, String credentials) {
        Api.Response response = api.post("/api/forums/" + id + "/experts", credentials,
                json("name", name, "stakeholderGroup", group, "organisation", "Org of " + name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    public int draft(String id, String text) {
        Api.Response response = api.post("/api/forums/" + id + "/drafts", Api.COORDINATOR, json("title", "Draft", "text", text));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("version").asInt();
    }

    public JsonNode advance(String id, String from, Object... more) {
        Object[] body = new Object[more.length + 2];
        body[0] = "from";
        body[1] = from;
        System.arraycopy(more, 0, body, 2, more.length);
        Api.Response response = api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public String aForumInDrafting() {
        String id = aNewForum();
        registerBalancedExperts(id);
        advance(id, "EXPERT_RECRUITMENT");
        advance(id, "DISCUSSION");
        return id;
    }

    public String aForumInConsultation(Instant closesAt) {
        String id = aForumInDrafting();
        draft(id, "One.\n\nTwo.\n\nThree.");
        advance(id, "DRAFTING", "consultationClosesAt", closesAt.toString());
        return id;
    }

    /** A comment from the public (any signed-in user) on a paragraph, or on the whole document when null. */
    public String comment(String id, String author, Integer paragraph) {
        Api.Response response = api.post("/api/forums/" + id + "/comments", Api.COORDINATOR,
                paragraph == null ? json("author", author, "text", "A comment.") : json("author", author, "text", "A comment.", "paragraph", paragraph));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    public String stageOf(String id) {
        return api.get("/api/forums/" + id, Api.ANONYMOUS).json().get("stage").asText();
    }

    public void awaitStage(String id, String stage, java.time.Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (!stage.equals(stageOf(id)) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(stageOf(id)).isEqualTo(stage);
    }
}
