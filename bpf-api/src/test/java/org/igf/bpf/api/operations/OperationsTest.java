package org.igf.bpf.api.operations;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.dashboard.WebSession;
import org.igf.bpf.api.forum.Forums;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators use: health with the database and the event processors, Prometheus gauges, and Cockpit. */
@ApiTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;

    Api api;
    Forums forums;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
    }

    @Test
    void healthIncludesTheDatabaseAndTheEventProcessors() {
        Api.Response health = api.get("/actuator/health", Api.SECRETARIAT);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/eventProcessors/details/dashboard/running").asBoolean()).isTrue();
        assertThat(health.json().at("/components/eventProcessors/details/forum-views/running").asBoolean()).isTrue();
        assertThat(api.get("/actuator/health", Api.ANONYMOUS).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusShowsForumsPerStageAndEachForumsStageAndDaysInStage() throws Exception {
        String id = forums.aNewForum("Prometheus " + Instant.now().toEpochMilli(), List.of("coordinator"));
        forums.registerBalancedExperts(id);
        forums.advance(id, "EXPERT_RECRUITMENT");

        String stageLine = "bpf_forum_stage{cycle=\"2015\",forum_id=\"" + id + "\",stage=\"DISCUSSION\"";
        String scrape = awaitScrapeContaining(stageLine);

        assertThat(scrape).containsPattern(Pattern.quote(stageLine) + ",topic=\"Prometheus \\d+\"} 2\\.0");
        assertThat(scrape).containsPattern("bpf_forum_days_in_stage\\{cycle=\"2015\",forum_id=\"" + id
                + "\",stage=\"DISCUSSION\",topic=\"[^\"]+\"} [0-9.E-]+");
        assertThat(scrape).containsPattern("bpf_forums\\{cycle=\"2015\",stage=\"DISCUSSION\"} [1-9][0-9]*\\.0");
        assertThat(scrape).contains("bpf_forums{cycle=\"2015\",stage=\"CONCLUDED\"}");
        assertThat(api.get("/actuator/prometheus", Api.ANONYMOUS).status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", Api.COORDINATOR).status()).isEqualTo(403);
    }

    @Test
    void prometheusShowsHowTheCommentIntakeGroupsItsCommits() throws Exception {
        String id = forums.aForumInConsultation(Instant.now().plus(Duration.ofDays(30)));
        double batchesBefore = scraped("bpf_comments_intake_batch_size_count");

        forums.comment(id, "Jane Commenter", null);
        forums.comment(id, "John Commenter", null);

        String scrape = api.get("/actuator/prometheus", Api.SECRETARIAT).body();
        assertThat(value(scrape, "bpf_comments_intake_batch_size_count")).isGreaterThanOrEqualTo(batchesBefore + 1);
        assertThat(value(scrape, "bpf_comments_intake_batch_size_sum")).isGreaterThanOrEqualTo(2.0);
        assertThat(value(scrape, "bpf_comments_intake_commit_seconds_count{outcome=\"committed\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(value(scrape, "bpf_comments_intake_commit_seconds_sum{outcome=\"committed\"}")).isPositive();
        assertThat(scrape).containsPattern("(?m)^bpf_comments_intake_commit_seconds_count\\{outcome=\"failed\"} ");
        assertThat(scrape).containsPattern("(?m)^bpf_comments_intake_conflicts_total ");
        assertThat(value(scrape, "bpf_comments_intake_waiting")).isZero();
    }

    private double scraped(String series) {
        return value(api.get("/actuator/prometheus", Api.SECRETARIAT).body(), series);
    }

    /** The value of one series (name and labels as written in the scrape) in a Prometheus scrape. */
    private static double value(String scrape, String series) {
        java.util.regex.Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scrape);
        assertThat(line.find()).as("a line for %s in the scrape", series).isTrue();
        return Double.parseDouble(line.group(1));
    }

    /**
     * Camunda keeps no history (level {@code none}): what Cockpit shows operators, running instances
     * and their incidents, is runtime data, and still there.
     */
    @Test
    void cockpitShowsAForumsRunningInstanceAndItsIncident() throws Exception {
        String id = forums.aNewForum("Cockpit " + Instant.now().toEpochMilli(), List.of("coordinator"));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        Incident incident = runtime.createIncident("bpf-test", instance, "an incident made by the test");
        try {
            WebSession secretariat = new WebSession(port);
            secretariat.signIn("secretariat", "secretariat");

            HttpResponse<String> instances = secretariat.get("/camunda/api/engine/engine/default/process-instance?businessKey=" + id);
            assertThat(instances.statusCode()).isEqualTo(200);
            assertThat(instances.body()).contains("\"id\":\"" + instance + "\"").contains("\"ended\":false");
            HttpResponse<String> incidents = secretariat.get("/camunda/api/engine/engine/default/incident?processInstanceId=" + instance);
            assertThat(incidents.statusCode()).isEqualTo(200);
            assertThat(incidents.body()).contains("\"id\":\"" + incident.getId() + "\"").contains("an incident made by the test");
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        } finally {
            runtime.resolveIncident(incident.getId());
        }
    }

    @Test
    void requestsAreObservedAsAWholeNotFilterByFilter() {
        assertThat(api.get("/api/forums?cycle=2015", Api.COORDINATOR).status()).isEqualTo(200);

        Api.Response metrics = api.get("/actuator/metrics", Api.SECRETARIAT);

        assertThat(metrics.status()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        metrics.json().get("names").forEach(name -> names.add(name.asText()));
        assertThat(names).contains("http.server.requests");
        assertThat(names).noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void theSecretariatSignedInOnTheDashboardIsSignedInToCockpit() throws Exception {
        WebSession anonymous = new WebSession(port);
        HttpResponse<String> away = anonymous.get("/camunda/app/cockpit/default/");
        assertThat(away.statusCode()).isEqualTo(302);
        assertThat(away.headers().firstValue("Location").orElseThrow()).contains("/login");

        WebSession secretariat = new WebSession(port);
        secretariat.signIn("secretariat", "secretariat");
        assertThat(secretariat.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = secretariat.get("/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"secretariat\"").contains("cockpit");
        assertThat(secretariat.get("/camunda/api/engine/engine/default/process-definition/count").body()).contains("\"count\":");

        WebSession coordinator = new WebSession(port);
        coordinator.signIn("coordinator", "coordinator");
        assertThat(coordinator.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(403);
    }

    private String awaitScrapeContaining(String text) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        String scrape = "";
        while (Instant.now().isBefore(until)) {
            Api.Response response = api.get("/actuator/prometheus", Api.SECRETARIAT);
            assertThat(response.status()).isEqualTo(200);
            scrape = response.body();
            if (scrape.contains(text)) {
                return scrape;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No line with " + text + " in the scrape:\n" + scrape);
    }
}
