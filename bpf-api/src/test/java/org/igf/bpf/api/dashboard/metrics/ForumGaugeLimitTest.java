package org.igf.bpf.api.dashboard.metrics;

import org.igf.bpf.api.dashboard.query.DashboardReadTable.Standing;
import org.igf.bpf.core.forum.Stage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForumGaugeLimitTest {

    private static Standing forum(String id, int cycle, String enteredAt) {
        return new Standing(id, cycle, "Topic " + id, Stage.DRAFTING, Instant.parse(enteredAt));
    }

    @Test
    void everyForumHasGaugesWhileTheyAreNoMoreThanTheLimit() {
        List<Standing> all = List.of(forum("a", 2015, "2015-03-01T00:00:00Z"), forum("b", 2014, "2014-03-01T00:00:00Z"));

        assertThat(DashboardMetrics.withGauges(all, 2)).containsExactlyElementsOf(all);
    }

    @Test
    void beyondTheLimitTheLatestCyclesAndMostRecentlyMovedForumsKeepTheirGauges() {
        Standing old = forum("old", 2014, "2014-12-01T00:00:00Z");
        Standing quiet = forum("quiet", 2015, "2015-01-01T00:00:00Z");
        Standing moved = forum("moved", 2015, "2015-06-01T00:00:00Z");
        Standing next = forum("next", 2016, "2016-01-01T00:00:00Z");

        assertThat(DashboardMetrics.withGauges(List.of(old, quiet, moved, next), 3)).containsExactly(next, moved, quiet);
        assertThat(DashboardMetrics.withGauges(List.of(old, quiet, moved, next), 0)).isEmpty();
    }
}
