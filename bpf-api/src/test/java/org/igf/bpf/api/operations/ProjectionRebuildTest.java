package org.igf.bpf.api.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The secretariat rebuilds a read model by replaying the event store, and gets the same table back. */
@ApiTest
class ProjectionRebuildTest {

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

    @ParameterizedTest
    @CsvSource({"dashboard, dashboard_forum", "forum-views, forum_view"})
    void aRebuildGivesAnIdenticalTable(String projection, String table) throws Exception {
        String consulting = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
        api.post("/api/forums/" + consulting + "/comments", Api.COORDINATOR, Api.json("author", "Jane", "text", "Good."));
        String drafting = forums.aForumInDrafting();
        String volunteers = forums.aNewForum("Spam", List.of());
        // only this test's forums: those of other tests may still be moved by their consultation timers
        List<String> ids = List.of(consulting, drafting, volunteers);
        awaitCaughtUp(projection, lastGlobalIndex());
        List<String> before = rows(table, ids);
        assertThat(before).hasSize(3);

        Api.Response rebuild = api.post("/api/admin/projections/" + projection + "/rebuild", Api.SECRETARIAT, "");
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        assertThat(rebuild.json().get("name").asText()).isEqualTo(projection);

        awaitCaughtUp(projection, lastGlobalIndex());
        assertThat(rows(table, ids)).isEqualTo(before);
    }

    @Test
    void onlyTheSecretariatRebuildsAndOnlyProjectionsThatExist() {
        assertThat(api.post("/api/admin/projections/dashboard/rebuild", Api.ANONYMOUS, "").status()).isEqualTo(401);
        Api.Response coordinator = api.post("/api/admin/projections/dashboard/rebuild", Api.COORDINATOR, "");
        assertThat(coordinator.status()).isEqualTo(403);
        assertThat(coordinator.json().get("code").asText()).isEqualTo("auth.forbidden");
        Api.Response unknown = api.post("/api/admin/projections/nothing/rebuild", Api.SECRETARIAT, "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("projection.not-found");
        Api.Response list = api.get("/api/admin/projections", Api.SECRETARIAT);
        assertThat(list.json().findValues("name").stream().map(JsonNode::asText).toList()).contains("dashboard", "forum-views");
    }

    private List<String> rows(String table, List<String> forumIds) {
        return jdbc.queryForList("select t::text from " + table + " t where forum_id = any(?) order by forum_id", String.class,
                (Object) forumIds.toArray(String[]::new));
    }

    private long lastGlobalIndex() {
        return jdbc.queryForObject("select coalesce(max(global_index), -1) from domain_event_entry", Long.class);
    }

    private void awaitCaughtUp(String projection, long position) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode status = null;
        while (Instant.now().isBefore(until)) {
            status = api.get("/api/admin/projections/" + projection, Api.SECRETARIAT).json();
            // "replaying" stays true until an event beyond the reset point arrives; having read up to it is what counts
            if (status.get("running").asBoolean() && status.get("caughtUp").asBoolean() && status.hasNonNull("position")
                    && status.get("position").asLong() >= position) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Projection " + projection + " did not catch up to " + position + ": " + status);
    }
}
