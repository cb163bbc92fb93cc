package org.igf.bpf.api.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.dashboard.query.BoardRows;
import org.igf.bpf.api.dashboard.query.DashboardForumView;
import org.igf.bpf.api.dashboard.query.DashboardProjection;
import org.igf.bpf.api.dashboard.query.DashboardReadTable;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board reuses the rows it parsed only while the dashboard table is unchanged: a change made
 * through the API, a write by another node's projection and a write that rolls back are each seen
 * exactly as the table has them once committed. For the writes of "another node", this node's own
 * dashboard projection is stopped, so that the table's generation moves only with the test's writes,
 * which go through the read table in transactions of their own, as that node's projection would.
 */
@ApiTest
class DashboardFreshnessTest {

    @LocalServerPort
    int port;
    @Autowired
    DashboardReadTable table;
    @Autowired
    BoardRows rows;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PlatformTransactionManager transactionManager;

    Boards boards;
    Forums forums;

    @BeforeEach
    void setUp() {
        Api api = new Api(port);
        boards = new Boards(api);
        forums = new Forums(api);
    }

    @Test
    void aChangeThroughTheApiAfterABoardWasReadShowsOnTheNextBoard() throws Exception {
        int cycle = 2044;
        String id = boards.aForum(cycle, "Fresh boards", List.of("coordinator"));
        JsonNode before = boards.awaitCard(cycle, "EXPERT_RECRUITMENT", id);
        assertThat(before.get("expertCount").asInt()).isZero();
        assertThat(Boards.card(boards.board(cycle), "EXPERT_RECRUITMENT", id).orElseThrow().get("expertCount").asInt())
                .as("read again: its rows are now the ones kept").isZero();

        forums.expert(id, "Ana", "GOVERNMENT");
        forums.expert(id, "Ben", "CIVIL_SOCIETY");

        JsonNode after = boards.awaitCard(cycle, "EXPERT_RECRUITMENT", id, card -> card.get("expertCount").asInt() == 2);
        assertThat(after.get("expertsByGroup").findValues("count").stream().map(JsonNode::asInt).toList())
                .containsExactly(1, 0, 1, 0, 0, 0);
    }

    @Test
    void aWriteByAnotherNodeShowsOnTheNextBoardOnceItCommits() throws Exception {
        int cycle = 2045;
        String first = boards.aForum(cycle, "Written here", List.of("coordinator"));
        String second = boards.aForum(cycle, "Also written here", List.of("coordinator"));
        boards.awaitCard(cycle, "EXPERT_RECRUITMENT", first);
        boards.awaitCard(cycle, "EXPERT_RECRUITMENT", second);

        withThisNodesProjectionStopped(() -> {
            DashboardForumView one = table.find(first).orElseThrow();
            DashboardForumView two = table.find(second).orElseThrow();
            assertThat(topicOnBoard(cycle, first)).isEqualTo("Written here");
            List<DashboardForumView> parsed = rows.now().forums(cycle);
            assertThat(rows.now().forums(cycle)).as("unchanged table: the rows parsed before").isSameAs(parsed);
            long generation = table.generation();

            inTransaction(() -> {
                table.saveAll(List.of(renamed(one, "Written elsewhere"), renamed(two, "Also written elsewhere")));
                assertThat(topicOnBoard(cycle, first)).as("before the other node commits").isEqualTo("Written here");
            });

            assertThat(table.generation()).as("one step for the whole batch").isEqualTo(generation + 1);
            assertThat(topicOnBoard(cycle, first)).isEqualTo("Written elsewhere");
            assertThat(topicOnBoard(cycle, second)).isEqualTo("Also written elsewhere");
            assertThat(new WebSession(port).get("/?cycle=" + cycle).body()).contains("Written elsewhere").doesNotContain("Written here");
            assertThat(rows.now().forums(cycle)).isNotSameAs(parsed);

            inTransaction(() -> table.saveAll(List.of(one, two)));
            assertThat(topicOnBoard(cycle, first)).isEqualTo("Written here");
        });
    }

    @Test
    void aWriteThatRollsBackMovesNeitherTheGenerationNorTheBoard() throws Exception {
        int cycle = 2046;
        String id = boards.aForum(cycle, "Kept", List.of("coordinator"));
        boards.awaitCard(cycle, "EXPERT_RECRUITMENT", id);

        withThisNodesProjectionStopped(() -> {
            DashboardForumView kept = table.find(id).orElseThrow();
            List<DashboardForumView> parsed = rows.now().forums(cycle);
            long generation = table.generation();

            TransactionTemplate rollingBack = new TransactionTemplate(transactionManager);
            rollingBack.executeWithoutResult(transaction -> {
                table.saveAll(List.of(renamed(kept, "Never committed")));
                assertThat(table.generation()).as("within the writing transaction").isEqualTo(generation + 1);
                assertThat(topicOnBoard(cycle, id)).as("outside it").isEqualTo("Kept");
                transaction.setRollbackOnly();
            });

            assertThat(table.generation()).isEqualTo(generation);
            assertThat(table.find(id).orElseThrow().topic()).isEqualTo("Kept");
            assertThat(topicOnBoard(cycle, id)).isEqualTo("Kept");
            assertThat(rows.now().forums(cycle)).as("nothing committed: the rows parsed before").isSameAs(parsed);
        });
    }

    private String topicOnBoard(int cycle, String forumId) {
        return Boards.card(boards.board(cycle), "EXPERT_RECRUITMENT", forumId).orElseThrow().get("topic").asText();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(transaction -> work.run());
    }

    /** Stops this node's dashboard projection for the duration (the table is then written by "another node" only). */
    private void withThisNodesProjectionStopped(ThrowingRunnable work) throws Exception {
        StreamingEventProcessor projection = processing.eventProcessor(DashboardProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        projection.shutDown();
        try {
            work.run();
        } finally {
            projection.start();
        }
    }

    private static DashboardForumView renamed(DashboardForumView view, String topic) {
        return new DashboardForumView(view.id(), view.cycle(), topic, view.stage(), view.stageEnteredAt(), view.createdAt(),
                view.lastActivityAt(), view.coordinators(), view.expertsByGroup(), view.commentCount(), view.deadlines(), view.stages(),
                view.version());
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
