package org.igf.bpf.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.BpfApplication;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default store keeps every forum and its history across a restart; its first start
 * loads the 2014 and 2015 cycles as demo data, and a restart does not load them again.
 */
class EmbeddedStoreRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheForumAndItsHistory() {
        String id;
        String forumBefore;
        String historyBefore;
        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            assertTheDemoCycles(api);
            Forums forums = new Forums(api);
            id = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
            forumBefore = api.get("/api/forums/" + id, null).body();
            historyBefore = api.get("/api/forums/" + id + "/history", Api.SECRETARIAT).body();
        }

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            assertThat(api.get("/api/forums/" + id, null).body()).isEqualTo(forumBefore);
            assertThat(api.get("/api/forums/" + id + "/history", Api.SECRETARIAT).body()).isEqualTo(historyBefore);
            assertThat(new Forums(api).stageOf(id)).isEqualTo("PUBLIC_CONSULTATION");
            assertThat(forumsOf(api, 2015, 7)).as("demo data loaded once: six forums and the test's own").isEqualTo(7);
            assertThat(forumsOf(api, 2014, 3)).isEqualTo(3);
        }
    }

    /** The seed's six 2015 forums with their coordinators; the retained three link to their 2014 forums. */
    private static void assertTheDemoCycles(Api api) {
        assertThat(api.get("/api/cycles/2015", null).json().at("/annualMeeting/city").asText()).isEqualTo("João Pessoa");
        Map<String, JsonNode> byTopic = new HashMap<>();
        Instant until = Instant.now().plusSeconds(20);
        while (byTopic.size() < 6 && Instant.now().isBefore(until)) {
            byTopic.clear();
            api.get("/api/forums?cycle=2015", null).json().forEach(f -> byTopic.put(f.get("topic").asText(), f));
            pause();
        }
        assertThat(byTopic).hasSize(6);
        Map<String, String> coordinators = new HashMap<>();
        Map<String, Integer> continued = new HashMap<>();
        byTopic.forEach((topic, forum) -> {
            List<String> names = new java.util.ArrayList<>();
            forum.get("coordinatorDetails").forEach(c -> names.add(c.get("name").asText()));
            coordinators.put(topic.split(" ")[0] + (topic.contains("spam") ? "-spam" : topic.contains("CSIRT") ? "-csirt" : ""),
                    forum.get("openCallForCoordinators").asBoolean() ? "open call" : String.join(",", names));
            if (!forum.get("continuesFrom").isNull()) {
                continued.put(topic, forum.at("/continuesFrom/cycle").asInt());
            }
        });
        assertThat(coordinators).containsEntry("Regulation-spam", "Markus Kummer")
                .containsEntry("Establishing-csirt", "Markus Kummer")
                .containsEntry("Developing", "Avri Doria")
                .containsEntry("Enabling", "ISOC")
                .containsEntry("Practices", "open call")
                .containsEntry("Creating", "open call");
        assertThat(continued).hasSize(3).allSatisfy((topic, cycle) -> assertThat(cycle).isEqualTo(2014));
    }

    /** The number of forums the (eventually consistent) list shows for a cycle, once it reaches the expected one. */
    private static int forumsOf(Api api, int cycle, int expected) {
        Instant until = Instant.now().plusSeconds(20);
        int count = api.get("/api/forums?cycle=" + cycle, null).json().size();
        while (count < expected && Instant.now().isBefore(until)) {
            pause();
            count = api.get("/api/forums?cycle=" + cycle, null).json().size();
        }
        return count;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BpfApplication.class).run(
                "--server.port=0",
                "--bpf.db.url=",
                "--bpf.db.embedded.data-dir=" + dataDir,
                "--bpf.db.embedded.durable=true",
                "--bpf.security.demo-accounts=true");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
