package org.igf.bpf.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/dashboard: the board of a cycle as JSON, public, from the dashboard projection. */
@ApiTest
class DashboardApiTest {

    @LocalServerPort
    int port;

    Api api;
    Boards boards;
    Forums forums;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        boards = new Boards(api);
        forums = new Forums(api);
    }

    @Test
    void showsEveryForumOfTheCycleInTheColumnOfItsStageWithItsCard() throws Exception {
        int cycle = 2031;
        String volunteers = boards.aForum(cycle, "Spam", List.of());
        String consulting = boards.aForum(cycle, "IXPs", List.of("coordinator"));
        forums.expert(consulting, "Ana", "GOVERNMENT");
        forums.expert(consulting, "Ben", "CIVIL_SOCIETY");
        forums.expert(consulting, "Chen", "ACADEMIA");
        forums.expert(consulting, "Dee", "ACADEMIA");
        forums.advance(consulting, "EXPERT_RECRUITMENT");
        forums.advance(consulting, "DISCUSSION");
        forums.draft(consulting, "One.\n\nTwo.");
        Instant closesAt = Instant.now().plus(4, ChronoUnit.DAYS).plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        forums.advance(consulting, "DRAFTING", "consultationClosesAt", closesAt.toString());

        JsonNode card = boards.awaitCard(cycle, "PUBLIC_CONSULTATION", consulting);
        JsonNode open = boards.awaitCard(cycle, "EXPERT_RECRUITMENT", volunteers);

        assertThat(card.get("topic").asText()).isEqualTo("IXPs");
        assertThat(card.get("coordinators").toString()).isEqualTo("[\"coordinator\"]");
        assertThat(card.get("callForVolunteers").asBoolean()).isFalse();
        assertThat(card.get("daysInStage").asInt()).isZero();
        assertThat(card.get("expertCount").asInt()).isEqualTo(4);
        assertThat(card.at("/nextDeadline/text").asText()).isEqualTo("consultation closes in 4 days");
        assertThat(card.at("/nextDeadline/at").asText()).isEqualTo(closesAt.toString());
        List<String> marks = new ArrayList<>();
        card.get("attention").forEach(mark -> marks.add(mark.get("code").asText()));
        assertThat(marks).containsExactly("deadline-soon");
        assertThat(card.get("expertsByGroup").findValues("count").stream().map(JsonNode::asInt).toList())
                .containsExactly(1, 0, 1, 0, 2, 0);
        assertThat(open.get("callForVolunteers").asBoolean()).isTrue();
        assertThat(open.at("/attention/0/code").asText()).isEqualTo("no-coordinator");

        JsonNode board = boards.board(cycle);
        assertThat(board.get("cycle").asInt()).isEqualTo(cycle);
        assertThat(board.get("forumCount").asInt()).isEqualTo(2);
        assertThat(board.get("needingAttention").asInt()).isEqualTo(2);
        assertThat(board.get("columns").findValues("stage").stream().map(JsonNode::asText).toList()).contains(
                "EXPERT_RECRUITMENT", "DISCUSSION", "DRAFTING", "PUBLIC_CONSULTATION", "REVISION", "PRESENTATION", "CONCLUDED");
    }

    @Test
    void answersAnUnknownCycleWithEmptyColumnsAndABadCycleWithAProblem() {
        JsonNode empty = boards.board(1999);
        assertThat(empty.get("forumCount").asInt()).isZero();
        assertThat(empty.get("columns")).hasSize(7);

        Api.Response bad = api.get("/api/dashboard?cycle=soon", Api.ANONYMOUS);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asText()).isEqualTo("request.invalid-parameter");
    }
}
