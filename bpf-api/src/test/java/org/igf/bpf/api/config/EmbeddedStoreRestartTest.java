package org.igf.bpf.api.config;

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

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default store keeps every forum and its history across a restart. */
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
