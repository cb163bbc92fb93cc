package org.igf.bpf.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Opens forums in a cycle of the test's own (so boards do not mix with other tests) and reads boards. */
final class Boards {

    private final Api api;

    Boards(Api api) {
        this.api = api;
    }

    String aForum(int cycle, String topic, List<String> coordinators) {
        Api.Response created = api.post("/api/forums", Api.SECRETARIAT, json("cycle", cycle, "topic", topic, "coordinators", coordinators));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    JsonNode board(int cycle) {
        Api.Response response = api.get("/api/dashboard?cycle=" + cycle, Api.ANONYMOUS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The card of a forum in the column of the given stage, or empty. */
    static Optional<JsonNode> card(JsonNode board, String stage, String forumId) {
        for (JsonNode column : board.get("columns")) {
            if (column.get("stage").asText().equals(stage)) {
                for (JsonNode card : column.get("cards")) {
                    if (card.get("id").asText().equals(forumId)) {
                        return Optional.of(card);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Waits for the projection to show the forum in that stage's column. */
    JsonNode awaitCard(int cycle, String stage, String forumId) throws InterruptedException {
        return awaitCard(cycle, stage, forumId, card -> true);
    }

    /** Waits for the board to show the forum in that stage's column with a card that passes the check. */
    JsonNode awaitCard(int cycle, String stage, String forumId, Predicate<JsonNode> check) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            Optional<JsonNode> card = card(board(cycle), stage, forumId).filter(check);
            if (card.isPresent()) {
                return card.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Forum " + forumId + " did not appear as expected in column " + stage + " of cycle " + cycle + ": "
                + board(cycle));
    }
}
