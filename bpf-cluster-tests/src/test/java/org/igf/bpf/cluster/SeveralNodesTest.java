package org.igf.bpf.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.cluster.Http.COORDINATOR;
import static org.igf.bpf.cluster.Http.SECRETARIAT;
import static org.igf.bpf.cluster.Http.json;

/**
 * Two nodes of the packaged application on one PostgreSQL: races across nodes, a timer that fires
 * once, a node killed with SIGKILL under load, and a database restart under load. Each scenario
 * prints what it checked and its counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesTest {

    private Cluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new Cluster(Path.of(System.getProperty("bpf.cluster.dir", "target/cluster")),
                Path.of(System.getProperty("bpf.jar", "../bpf-api/target/bpf-api.jar")));
        cluster.start();
    }

    @AfterAll
    void stopCluster() throws Exception {
        cluster.close();
    }

    @Test
    @Order(1)
    void racingAdvancesAcrossNodesGiveOneSuccessAndConflictsForTheRest() throws Exception {
        int forums = 10;
        int accepted = 0;
        int conflicts = 0;
        int stored = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < forums; i++) {
                String forum = forumWithExperts(cluster.a, "Race " + i);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Callable<Http.Answer>> racers = new ArrayList<>();
                for (Node node : List.of(cluster.a, cluster.b)) {
                    racers.add(() -> {
                        start.await();
                        return Http.post(node, "/api/forums/" + forum + "/advance", COORDINATOR, json("from", "EXPERT_RECRUITMENT"));
                    });
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Http.Answer> answer : pool.invokeAll(racers)) {
                    statuses.add(answer.get().status());
                }
                assertThat(statuses).as("forum %d", i).containsExactlyInAnyOrder(200, 409);
                accepted += (int) statuses.stream().filter(s -> s == 200).count();
                conflicts += (int) statuses.stream().filter(s -> s == 409).count();
                assertThat(cluster.events(forum, "DiscussionStarted")).isEqualTo(1);
                stored++;
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("[cluster] racing advances: %d forums, %d requests sent (one to each node at once), %d acknowledged (200), "
                + "%d rejected (409), %d DiscussionStarted events stored (one per forum)%n", forums, 2 * forums, accepted, conflicts, stored);
    }

    @Test
    @Order(2)
    void aWriteRetriedOnAnotherNodeWithTheSameKeyGetsTheFirstAnswerAndHasNoSecondEffect() throws Exception {
        String forum = forumInConsultation(cluster.a, "Retries", Instant.now().plusSeconds(3600));
        int retries = 0;
        for (int i = 0; i < 5; i++) {
            String key = "cluster-retry-" + i + "-" + System.nanoTime();
            String body = json("author", "Retrying Robin", "text", "Sent once, retried on the other node " + i);
            Http.Answer first = Http.post(cluster.a, "/api/forums/" + forum + "/comments", COORDINATOR, body, key);
            Http.Answer retry = Http.post(cluster.b, "/api/forums/" + forum + "/comments", COORDINATOR, body, key);
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            retries++;
        }
        long stored = cluster.events(forum, "CommentSubmitted");
        assertThat(stored).isEqualTo(retries);

        // both boards have read (and keep) the forum's row with its three experts
        int boardsBefore = awaitExpertsOnBoard(cluster.b, forum, 3) + awaitExpertsOnBoard(cluster.a, forum, 3);

        // a page open on node-b hears of a change made through node-a, whichever node runs the dashboard projection
        java.util.concurrent.BlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        var stream = java.net.http.HttpClient.newHttpClient().sendAsync(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.b.base() + "/dashboard/stream")).build(),
                java.net.http.HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        heard.add(line);
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
        Thread.sleep(1000);
        Instant changedAt = Instant.now();
        assertThat(Http.post(cluster.a, "/api/forums/" + forum + "/experts", COORDINATOR,
                json("name", "Dana", "stakeholderGroup", "ACADEMIA")).status()).isEqualTo(201);
        String line;
        boolean announced = false;
        while (!announced && (line = heard.poll(5, java.util.concurrent.TimeUnit.SECONDS)) != null) {
            announced = line.startsWith("data:") && line.contains(forum);
        }
        long liveMillis = Duration.between(changedAt, Instant.now()).toMillis();
        stream.cancel(true);
        assertThat(announced).as("node-b's stream announced the change made on node-a").isTrue();
        assertThat(liveMillis).isLessThan(2000);
        // and both boards show it: the rows a node keeps are read again once the dashboard table has changed, on any node
        int boardsAfter = awaitExpertsOnBoard(cluster.b, forum, 4) + awaitExpertsOnBoard(cluster.a, forum, 4);
        System.out.printf("[cluster] idempotency: %d comments sent to node-a and retried on node-b with the same key, %d answers "
                + "identical, %d CommentSubmitted events stored; a dashboard page on node-b heard of a change made on node-a "
                + "after %d ms; both boards showed it within %d ms (%d board reads before it, %d after)%n", retries, retries, stored, liveMillis,
                Duration.between(changedAt, Instant.now()).toMillis(), boardsBefore, boardsAfter);
    }

    @Test
    @Order(3)
    void anAccountDisabledOnOneNodeCannotSignInOnTheOtherMomentsLater() throws Exception {
        String username = "roaming-" + UUID.randomUUID().toString().substring(0, 8);
        String credentials = username + ":a long enough password";
        assertThat(Http.post(cluster.a, "/api/accounts", SECRETARIAT, json("username", username,
                "password", "a long enough password", "roles", List.of("EXPERT"))).status()).isEqualTo(201);
        assertThat(Http.get(cluster.b, "/api/accounts", credentials).status()).as("signed in on node-b").isEqualTo(403);
        assertThat(Http.get(cluster.b, "/api/accounts", credentials).status()).isEqualTo(403);

        assertThat(Http.post(cluster.a, "/api/accounts/" + username + "/disable", SECRETARIAT, "").status()).isEqualTo(200);
        Instant disabled = Instant.now();
        int signIns = 0;
        while (Http.get(cluster.b, "/api/accounts", credentials).status() != 401) {
            signIns++;
            assertThat(Duration.between(disabled, Instant.now())).as("node-b still signs the disabled account in")
                    .isLessThan(Duration.ofSeconds(2));
            pause(5);
        }
        long refusedAfter = Duration.between(disabled, Instant.now()).toMillis();
        System.out.printf("[cluster] accounts: an account disabled on node-a was refused on node-b %d ms after the answer "
                + "(%d sign-ins accepted there before)%n", refusedAfter, signIns);
    }

    @Test
    @Order(4)
    void aConsultationDeadlineFiresOnceWithTwoJobExecutors() throws Exception {
        List<String> forums = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            forums.add(forumInConsultation(cluster.a, "Timer " + i, Instant.now().plusSeconds(5)));
        }
        for (String forum : forums) {
            awaitStage(cluster.b, forum, "REVISION", Duration.ofSeconds(30));
        }
        Thread.sleep(3000); // a second firing, if there were one, would have happened by now
        long closed = 0;
        for (String forum : forums) {
            assertThat(cluster.events(forum, "PublicConsultationClosed")).isEqualTo(1);
            closed += cluster.events(forum, "PublicConsultationClosed");
        }
        long incidents = cluster.count("select count(*) from act_ru_incident");
        assertThat(incidents).isZero();
        System.out.printf("[cluster] timers: %d consultation deadlines on 2 nodes, %d PublicConsultationClosed events stored, "
                + "%d incidents%n", forums.size(), closed, incidents);
    }

    @Test
    @Order(5)
    void aNodeKilledUnderLoadLosesNoAcknowledgedWriteAndEveryForumAgrees() throws Exception {
        String consultation = forumInConsultation(cluster.a, "Under load", Instant.now().plusSeconds(3600));
        String timerDuringCrash = forumInConsultation(cluster.a, "Deadline during the crash", Instant.now().plusSeconds(12));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    sent.incrementAndGet();
                    Http.Answer answer = Http.post(cluster.a, "/api/forums/" + consultation + "/comments", COORDINATOR,
                            json("author", "Load " + thread, "text", "Comment " + thread + "-" + i));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == -1) {
                        pause(50); // the node is down: do not spin
                    }
                    if (answer.status() == 201) {
                        acknowledged.add(answer.json().get("id").asText());
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(3000);
        cluster.a.kill();
        Thread.sleep(1000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        awaitStage(cluster.b, timerDuringCrash, "REVISION", Duration.ofSeconds(60));
        cluster.a.start();

        long stored = cluster.count("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'",
                consultation);
        List<String> storedIds = cluster.strings("select convert_from(payload, 'UTF8')::json->>'commentId' from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'", consultation);
        assertThat(storedIds).containsAll(acknowledged);
        assertThat(cluster.events(timerDuringCrash, "PublicConsultationClosed")).isEqualTo(1);

        List<String> forums = cluster.strings("select distinct aggregate_identifier from domain_event_entry where payload_type like '%.ForumCreated'");
        Instant until = Instant.now().plusSeconds(60);
        List<String> disagreeing = disagreeing(forums);
        while (!disagreeing.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            disagreeing = disagreeing(forums);
        }
        assertThat(disagreeing).isEmpty();
        List<String> owners = cluster.strings("select distinct owner from token_entry where processor_name = 'forum-views' and owner is not null");
        assertThat(owners).as("node-b took over the segments node-a held").isNotEmpty()
                .allSatisfy(owner -> assertThat(owner).startsWith(cluster.b.pid() + "@"));
        assertThat(statuses.keySet()).as("answers: 201, or no connection (-1) while node-a is down").isSubsetOf(201, -1);
        System.out.printf("[cluster] SIGKILL: %d comment requests sent to node-a (answers by status, -1 = no connection: %s), "
                        + "%d acknowledged, %d not, %d stored, every acknowledged one among them; deadline during the crash fired "
                        + "once (on node-b); %d forums agree in BPMN, events and read model; forum-views segments now owned by %s (node-b is pid %d)%n",
                sent.get(), statuses, acknowledged.size(), failed.get(), stored, forums.size(), owners, cluster.b.pid());
    }

    @Test
    @Order(6)
    void aDatabaseRestartUnderLoadFailsFastAndRecoversByItself() throws Exception {
        String consultation = forumInConsultation(cluster.a, "Database restart", Instant.now().plusSeconds(3600));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger otherFailures = new AtomicInteger();
        AtomicLong slowestRefusal = new AtomicLong();
        java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            Node node = t % 2 == 0 ? cluster.a : cluster.b;
            int thread = t;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    sent.incrementAndGet();
                    Http.Answer answer = Http.post(node, "/api/forums/" + consultation + "/comments", COORDINATOR,
                            json("author", "Restart " + thread, "text", "Comment " + thread + "-" + i));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 201) {
                        acknowledged.add(answer.json().get("id").asText());
                    } else if (answer.status() == 503) {
                        unavailable.incrementAndGet();
                        slowestRefusal.accumulateAndGet(answer.millis(), Math::max);
                    } else {
                        otherFailures.incrementAndGet();
                    }
                    pause(20);
                }
            });
        }
        Thread.sleep(2000);
        cluster.stopDatabase();
        Thread.sleep(4000);
        int healthA = cluster.a.health();
        int healthB = cluster.b.health();
        Instant restartedAt = Instant.now();
        cluster.startDatabase();
        Instant until = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(until) && (Http.get(cluster.a, "/api/forums/" + consultation, null).status() != 200
                || Http.get(cluster.b, "/api/forums/" + consultation, null).status() != 200)) {
            Thread.sleep(500);
        }
        long recoveryMillis = Duration.between(restartedAt, Instant.now()).toMillis();
        Thread.sleep(2000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(healthA).isEqualTo(503);
        assertThat(healthB).isEqualTo(503);
        assertThat(unavailable.get()).isPositive();
        assertThat(otherFailures.get()).as("answers other than 201 and 503: %s", statuses).isZero();
        assertThat(slowestRefusal.get()).as("slowest 503 (ms)").isLessThan(15_000);
        List<String> storedIds = cluster.strings("select convert_from(payload, 'UTF8')::json->>'commentId' from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'", consultation);
        assertThat(storedIds).containsAll(acknowledged);

        String after = Http.post(cluster.a, "/api/forums", SECRETARIAT, json("cycle", 2015, "topic", "After the restart")).json()
                .get("id").asText();
        Instant listedBy = Instant.now().plusSeconds(60);
        while (!Http.get(cluster.b, "/api/forums?cycle=2015", null).body().contains(after) && Instant.now().isBefore(listedBy)) {
            Thread.sleep(500);
        }
        assertThat(Http.get(cluster.b, "/api/forums?cycle=2015", null).body()).contains(after);
        System.out.printf("[cluster] database restart: answers by status %s; ", statuses);
        System.out.printf("%d comment requests sent to both nodes, %d acknowledged and stored, %d refused "
                        + "with 503 (slowest %d ms), %d other failures; health during the outage %d/%d; both nodes served again %d ms after "
                        + "the database was back; the projection resumed (a new forum is listed)%n",
                sent.get(), acknowledged.size(), unavailable.get(), slowestRefusal.get(), otherFailures.get(), healthA, healthB,
                recoveryMillis);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> disagreeing(List<String> forums) throws Exception {
        List<String> disagreeing = new ArrayList<>();
        for (String forum : forums) {
            String bpmn = cluster.bpmnStage(forum);
            String aggregate = Http.get(cluster.b, "/api/forums/" + forum, null).json().get("stage").asText();
            String readModel = cluster.readModelStage(forum);
            if (!bpmn.equals(aggregate) || !aggregate.equals(readModel)) {
                disagreeing.add(forum + ": bpmn " + bpmn + ", events " + aggregate + ", read model " + readModel);
            }
        }
        return disagreeing;
    }

    /** Reads the node's board of cycle 2015 until it shows the forum with this many experts (5 s at most); answers the reads. */
    private static int awaitExpertsOnBoard(Node node, String forum, int experts) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(5);
        int reads = 0;
        int shown = -1;
        while (Instant.now().isBefore(until)) {
            Http.Answer board = Http.get(node, "/api/dashboard?cycle=2015", null);
            assertThat(board.status()).as(board.body()).isEqualTo(200);
            reads++;
            shown = -1;
            for (var column : board.json().get("columns")) {
                for (var card : column.get("cards")) {
                    if (card.get("id").asText().equals(forum)) {
                        shown = card.get("expertCount").asInt();
                    }
                }
            }
            if (shown == experts) {
                return reads;
            }
            Thread.sleep(100);
        }
        assertThat(shown).as("experts of %s on the board of %s", forum, node.base()).isEqualTo(experts);
        return reads;
    }

    private static String forumWithExperts(Node node, String topic) {
        Http.Answer created = Http.post(node, "/api/forums", SECRETARIAT, json("cycle", 2015, "topic", topic, "coordinators", List.of("coordinator")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String forum = created.json().get("id").asText();
        for (String[] expert : new String[][]{{"Ana", "GOVERNMENT"}, {"Ben", "CIVIL_SOCIETY"}, {"Chen", "TECHNICAL_COMMUNITY"}}) {
            assertThat(Http.post(node, "/api/forums/" + forum + "/experts", COORDINATOR,
                    json("name", expert[0], "stakeholderGroup", expert[1])).status()).isEqualTo(201);
        }
        return forum;
    }

    private static String forumInConsultation(Node node, String topic, Instant closesAt) {
        String forum = forumWithExperts(node, topic);
        advance(node, forum, json("from", "EXPERT_RECRUITMENT"));
        advance(node, forum, json("from", "DISCUSSION"));
        assertThat(Http.post(node, "/api/forums/" + forum + "/drafts", COORDINATOR, json("title", "Draft", "text", "One.\n\nTwo.")).status())
                .isEqualTo(201);
        advance(node, forum, json("from", "DRAFTING", "consultationClosesAt", closesAt.toString()));
        return forum;
    }

    private static void advance(Node node, String forum, String body) {
        Http.Answer answer = Http.post(node, "/api/forums/" + forum + "/advance", COORDINATOR, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void awaitStage(Node node, String forum, String stage, Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        String current = "";
        while (Instant.now().isBefore(until)) {
            Http.Answer answer = Http.get(node, "/api/forums/" + forum, null);
            current = answer.status() == 200 ? answer.json().get("stage").asText() : "HTTP " + answer.status();
            if (stage.equals(current)) {
                return;
            }
            Thread.sleep(250);
        }
        assertThat(current).as("stage of %s after %s", forum, atMost).isEqualTo(stage);
    }
}
