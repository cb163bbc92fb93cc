package org.igf.bpf.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Every error a client can cause is problem+json with a stable code, and records nothing. */
@ApiTest
class ApiProblemsTest {

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
    void refusesToLeaveRecruitmentWithTooFewExpertsNamingTheRule() {
        String id = forums.aNewForum();
        forums.expert(id, "Ana", "GOVERNMENT");

        JsonNode problem = refused(422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "EXPERT_RECRUITMENT")));

        assertThat(problem.get("code").asText()).isEqualTo("recruitment.too-few-experts");
        assertThat(problem.get("type").asText()).isEqualTo("urn:bpf:problem:recruitment.too-few-experts");
        assertThat(problem.get("detail").asText()).contains("at least 3 experts");
        assertThat(forums.stageOf(id)).isEqualTo("EXPERT_RECRUITMENT");
    }

    @Test
    void refusesExpertsFromTooFewStakeholderGroups() {
        String id = forums.aNewForum();
        forums.expert(id, "Ana", "GOVERNMENT");
        forums.expert(id, "Ben", "GOVERNMENT");
        forums.expert(id, "Chen", "GOVERNMENT");

        JsonNode problem = refused(422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "EXPERT_RECRUITMENT")));

        assertThat(problem.get("code").asText()).isEqualTo("recruitment.too-few-stakeholder-groups");
    }

    @Test
    void refusesAConsultationWithoutDraftOrWithAPastDeadline() {
        String id = forums.aForumInDrafting();
        String future = Instant.now().plusSeconds(3600).toString();

        assertThat(refused(422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR,
                json("from", "DRAFTING", "consultationClosesAt", future))).get("code").asText()).isEqualTo("consultation.needs-draft");
        forums.draft(id, "Text.");
        assertThat(refused(422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR,
                json("from", "DRAFTING", "consultationClosesAt", "2015-01-01T00:00:00Z"))).get("code").asText())
                .isEqualTo("consultation.deadline-not-in-future");
        assertThat(refused(422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR,
                json("from", "DRAFTING"))).get("code").asText()).isEqualTo("consultation.deadline-not-in-future");
        assertThat(forums.stageOf(id)).isEqualTo("DRAFTING");
    }

    @Test
    void refusesAStaleFromWithConflict() {
        String id = forums.aNewForum();

        JsonNode problem = refused(409, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "DRAFTING")));

        assertThat(problem.get("code").asText()).isEqualTo("forum.stale-stage");
        assertThat(problem.get("currentStage").asText()).isEqualTo("EXPERT_RECRUITMENT");
    }

    @Test
    void refusesCommentsOutsideTheConsultationAndOnUnknownParagraphs() {
        String id = forums.aNewForum();
        assertThat(refused(422, () -> api.post("/api/forums/" + id + "/comments", Api.COORDINATOR,
                json("author", "A", "text", "Early"))).get("code").asText()).isEqualTo("consultation.not-open");

        String open = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
        assertThat(refused(422, () -> api.post("/api/forums/" + open + "/comments", Api.COORDINATOR,
                json("author", "A", "text", "Where?", "paragraph", 9))).get("code").asText()).isEqualTo("comment.unknown-paragraph");
    }

    @Test
    void answersBadInputWith400NamingTheField() {
        String id = forums.aNewForum();

        assertThat(refused(400, () -> api.post("/api/forums", Api.SECRETARIAT, "{\"cycle\":2015,")).get("code").asText())
                .isEqualTo("request.malformed");
        assertThat(refused(400, () -> api.post("/api/forums", Api.SECRETARIAT, json("cycle", "soon", "topic", "T")))
                .get("field").asText()).isEqualTo("cycle");
        assertThat(refused(400, () -> api.post("/api/forums", Api.SECRETARIAT, json("cycle", 2015)))
                .at("/errors/0/field").asText()).isEqualTo("topic");
        assertThat(refused(400, () -> api.post("/api/forums", Api.SECRETARIAT, json("cycle", 1999, "topic", "T")))
                .at("/errors/0/field").asText()).isEqualTo("cycle");
        assertThat(refused(400, () -> api.post("/api/forums/" + id + "/experts", Api.COORDINATOR,
                json("name", "A", "stakeholderGroup", "MARTIANS"))).get("field").asText()).isEqualTo("stakeholderGroup");
        assertThat(refused(400, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "LIMBO")))
                .get("field").asText()).isEqualTo("from");
        assertThat(refused(400, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR,
                json("from", "DRAFTING", "consultationClosesAt", "next week"))).get("field").asText()).isEqualTo("consultationClosesAt");
        assertThat(refused(400, () -> api.post("/api/forums/" + id + "/drafts", Api.COORDINATOR,
                json("title", "T", "text", "x".repeat(200_001)))).at("/errors/0/field").asText()).isEqualTo("text");
        assertThat(refused(400, () -> api.get("/api/forums?cycle=abc", null)).get("field").asText()).isEqualTo("cycle");
    }

    @Test
    void answersUnknownForumsWith404() {
        assertThat(refused(404, () -> api.get("/api/forums/no-such-forum", null)).get("code").asText()).isEqualTo("forum.not-found");
        refused(404, () -> api.post("/api/forums/no-such-forum/experts", Api.COORDINATOR, json("name", "A", "stakeholderGroup", "ACADEMIA")));
        refused(404, () -> api.post("/api/forums/no-such-forum/comments", Api.COORDINATOR, json("author", "A", "text", "t")));
        refused(404, () -> api.post("/api/forums/no-such-forum/advance", Api.COORDINATOR, json("from", "DISCUSSION")));
        refused(404, () -> api.get("/api/forums/no-such-forum/history", Api.SECRETARIAT));
    }

    @Test
    void keepsWritesForSignedInUsersWithTheRightRole() {
        String mine = forums.aNewForum();
        String notMine = forums.aNewForum("Spam", List.of());

        assertThat(refused(401, () -> api.post("/api/forums", null, json("cycle", 2015, "topic", "T"))).get("code").asText())
                .isEqualTo("auth.unauthenticated");
        assertThat(api.post("/api/forums", null, json("cycle", 2015, "topic", "T")).header("WWW-Authenticate")).startsWith("Basic");
        refused(401, () -> api.post("/api/forums", "secretariat:wrong", json("cycle", 2015, "topic", "T")));
        refused(401, () -> api.post("/api/forums/" + mine + "/experts", null, json("name", "A", "stakeholderGroup", "ACADEMIA")));
        assertThat(refused(403, () -> api.post("/api/forums", Api.COORDINATOR, json("cycle", 2015, "topic", "T"))).get("code").asText())
                .isEqualTo("auth.forbidden");
        refused(403, () -> api.post("/api/forums/" + notMine + "/experts", Api.COORDINATOR, json("name", "A", "stakeholderGroup", "ACADEMIA")));
        refused(403, () -> api.post("/api/forums/" + notMine + "/advance", Api.COORDINATOR, json("from", "EXPERT_RECRUITMENT")));
        refused(403, () -> api.get("/api/forums/" + notMine + "/history", Api.COORDINATOR));
        refused(401, () -> api.get("/api/forums/" + mine + "/history", null));
        refused(401, () -> api.get("/engine-rest/process-definition", null));
        refused(403, () -> api.get("/engine-rest/process-definition", Api.COORDINATOR));
        assertThat(api.get("/engine-rest/process-definition", Api.SECRETARIAT).status()).isEqualTo(200);

        assertThat(api.get("/api/forums/" + mine, null).status()).isEqualTo(200);
        assertThat(api.post("/api/forums/" + notMine + "/experts", Api.SECRETARIAT,
                json("name", "A", "stakeholderGroup", "ACADEMIA")).status()).isEqualTo(201);
    }

    @Test
    void answersARequestTheFirewallRefusesWithProblemJson() {
        JsonNode problem = refused(400, () -> api.get("/api/forums;name=value", null));

        assertThat(problem.get("code").asText()).isEqualTo("request.rejected");
        assertThat(problem.get("detail").asText()).contains(";");
    }

    @Test
    void refusesAControlCharacterInAHeaderTheRequestReads() throws IOException {
        // Tomcat reads header bytes as ISO-8859-1: byte 0x85 is the control character NEXT LINE
        String refused = withAcceptHeaderHolding((byte) 0x85);
        assertThat(refused).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"code\":\"request.rejected\"");

        assertThat(withAcceptHeaderHolding((byte) 0xe9)).startsWith("HTTP/1.1 200"); // é: assigned, not a control
    }

    /** GET /api/forums with {@code Accept: application/json;note="<the byte>"}, over a socket of its own. */
    private String withAcceptHeaderHolding(byte last) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes("GET /api/forums HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: application/json;note=\""
                    .getBytes(StandardCharsets.US_ASCII));
            request.write(last);
            request.writeBytes("\"\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Asserts the status and the problem+json shape, and that the event store did not change. */
    private JsonNode refused(int status, Supplier<Api.Response> call) {
        long before = eventCount();
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).startsWith("urn:bpf:problem:");
        assertThat(problem.get("code").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(eventCount()).as("events recorded by a refused request").isEqualTo(before);
        return problem;
    }

    private long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
