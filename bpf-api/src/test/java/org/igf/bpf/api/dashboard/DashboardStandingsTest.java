package org.igf.bpf.api.dashboard;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.dashboard.query.DashboardReadTable;
import org.igf.bpf.api.dashboard.query.DashboardReadTable.Standing;
import org.igf.bpf.core.forum.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the metrics read from the dashboard table: the counts per cycle and stage, and the forums of the
 * latest cycles that get gauges of their own (cycles 2098-2100, above every other test's, so that they
 * come first).
 */
@ApiTest
class DashboardStandingsTest {

    @LocalServerPort
    int port;

    @Autowired
    DashboardReadTable table;

    @Test
    void theLatestCyclesAndTheMostRecentlyMovedForumsComeFirstAndEveryForumIsCounted() throws Exception {
        Boards boards = new Boards(new Api(port));
        String old = boards.aForum(2098, "Old", List.of());
        boards.awaitCard(2098, "EXPERT_RECRUITMENT", old);
        String quiet = boards.aForum(2099, "Quiet", List.of());
        boards.awaitCard(2099, "EXPERT_RECRUITMENT", quiet);
        String moved = boards.aForum(2099, "Moved", List.of());
        boards.awaitCard(2099, "EXPERT_RECRUITMENT", moved);
        String next = boards.aForum(2100, "Next", List.of());
        boards.awaitCard(2100, "EXPERT_RECRUITMENT", next);

        assertThat(table.latestStandings(3)).extracting(Standing::forumId).containsExactly(next, moved, quiet);
        assertThat(table.latestStandings(4)).extracting(Standing::forumId).containsExactly(next, moved, quiet, old);
        assertThat(table.latestStandings(0)).isEmpty();
        Standing latest = table.latestStandings(1).get(0);
        assertThat(latest.cycle()).isEqualTo(2100);
        assertThat(latest.topic()).isEqualTo("Next");
        assertThat(latest.stage()).isEqualTo(Stage.EXPERT_RECRUITMENT);

        Map<Integer, Map<Stage, Integer>> counts = table.stageCounts();
        assertThat(counts.get(2099)).containsExactly(Map.entry(Stage.EXPERT_RECRUITMENT, 2));
        assertThat(counts.get(2100)).containsExactly(Map.entry(Stage.EXPERT_RECRUITMENT, 1));
        assertThat(counts.get(2098)).containsExactly(Map.entry(Stage.EXPERT_RECRUITMENT, 1));
    }
}
