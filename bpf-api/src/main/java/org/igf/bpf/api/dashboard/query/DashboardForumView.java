package org.igf.bpf.api.dashboard.query;

import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard knows of a forum: where it stands, since when, who coordinates it, its experts
 * per stakeholder group, its comments, its deadlines and the stages it went through. Folded from the
 * forum's events by {@link DashboardFold}; {@code lastActivityAt} moves with every event, known or not.
 */
public record DashboardForumView(
        String id,
        int cycle,
        String topic,
        Stage stage,
        Instant stageEnteredAt,
        Instant createdAt,
        Instant lastActivityAt,
        List<String> coordinators,
        Map<StakeholderGroup, Integer> expertsByGroup,
        int commentCount,
        List<DeadlineView> deadlines,
        List<StageSpan> stages,
        long version) {

    public DashboardForumView {
        coordinators = List.copyOf(coordinators);
        expertsByGroup = Map.copyOf(expertsByGroup);
        deadlines = List.copyOf(deadlines);
        stages = List.copyOf(stages);
    }

    public int expertCount() {
        return expertsByGroup.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * A date the forum works towards. {@code kind} is stable (e.g. {@code consultation-closes}),
     * {@code label} says it in words ("consultation closes"); {@code settledAt} is when it was met,
     * null while it is still ahead.
     */
    public record DeadlineView(String kind, String label, Instant at, Instant settledAt) {

        public boolean open() {
            return settledAt == null;
        }
    }

    /** A stage the forum entered, when, and by whom. */
    public record StageSpan(Stage stage, Instant enteredAt, String by) {
    }
}
