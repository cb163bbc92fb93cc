package org.igf.bpf.api.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection that fails on one event parks it and goes on; the secretariat sees it and retries it. */
@ApiTest
class DeadLetterTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailingEventIsParkedWhileOtherForumsGoOnAndIsRetriedOnRequest() throws Exception {
        Api api = new Api(port);
        Forums forums = new Forums(api);
        String broken = forums.aNewForum("Broken row", java.util.List.of("coordinator"));
        await(() -> row(broken) != null);
        String original = row(broken);
        // a read row nobody can read any more: the next event of this forum cannot be applied
        jdbc.update("update forum_view set document = cast(? as jsonb) where forum_id = ?", "{\"id\": 5, \"stage\": \"NOPE\"}", broken);

        forums.expert(broken, "Ana", "ACADEMIA");
        String healthy = forums.aNewForum("Healthy", java.util.List.of("coordinator"));

        await(() -> row(healthy) != null);
        await(() -> parked(api).size() > 0);
        JsonNode letter = parked(api).get(0);
        assertThat(letter.get("sequence").asText()).isEqualTo(broken);
        assertThat(letter.get("eventType").asText()).isEqualTo("ExpertRegistered");
        assertThat(letter.get("cause").asText()).contains("Unreadable forum_view document");

        jdbc.update("update forum_view set document = cast(? as jsonb) where forum_id = ?", original, broken);
        JsonNode retried = api.post("/api/admin/dead-letters/forum-views/retry", Api.SECRETARIAT, "").json();

        assertThat(retried.get("retried").asInt()).isEqualTo(1);
        assertThat(retried.get("stillParked").asLong()).isZero();
        assertThat(parked(api)).isEmpty();
        assertThat(row(broken)).contains("\"Ana\"");
        assertThat(api.get("/api/admin/dead-letters", Api.COORDINATOR).status()).isEqualTo(403);
        assertThat(api.post("/api/admin/dead-letters/no-such-processor/retry", Api.SECRETARIAT, "").status()).isEqualTo(404);
    }

    private JsonNode parked(Api api) {
        return api.get("/api/admin/dead-letters", Api.SECRETARIAT).json().get("forum-views");
    }

    private String row(String forum) {
        return jdbc.query("select document::text from forum_view where forum_id = ?", (rs, i) -> rs.getString(1), forum)
                .stream().findFirst().orElse(null);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
