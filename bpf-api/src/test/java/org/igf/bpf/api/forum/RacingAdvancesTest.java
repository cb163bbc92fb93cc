package org.igf.bpf.api.forum;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Two identical advances at the same moment: exactly one moves the forum, the other is told it is stale. */
@ApiTest
class RacingAdvancesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void racingIdenticalAdvancesGiveOne200OneConflictAndOneEvent() throws Exception {
        Api api = new Api(port);
        Forums forums = new Forums(api);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = forums.aNewForum();
                forums.registerBalancedExperts(id);
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Api.Response> advance = () -> {
                    start.await();
                    return api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "EXPERT_RECRUITMENT"));
                };
                List<Future<Api.Response>> answers = pool.invokeAll(List.of(advance, advance));
                List<Integer> statuses = answers.stream().map(RacingAdvancesTest::status).sorted().toList();

                assertThat(statuses).as("round %d: %s", round, answers).containsExactly(200, 409);
                Api.Response conflict = answers.stream().map(RacingAdvancesTest::get).filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
                assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%.DiscussionStarted'", Integer.class, id)).isEqualTo(1);
                assertThat(forums.stageOf(id)).isEqualTo("DISCUSSION");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int status(Future<Api.Response> answer) {
        return get(answer).status();
    }

    private static Api.Response get(Future<Api.Response> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
