package org.igf.bpf.api.forum.query;

import org.igf.bpf.api.forum.query.ForumView.ForumLink;
import org.igf.bpf.core.forum.Coordinator;
import org.igf.bpf.core.forum.Stage;

import java.time.Instant;
import java.util.List;

/**
 * One line of the forum list of a cycle: with its coordinators (accounts in {@code coordinators},
 * everyone in {@code coordinatorDetails}), whether it is an open call for MAG volunteers, and its
 * links to last and next cycle's forums.
 */
public record ForumSummary(
        String id,
        int cycle,
        String topic,
        Stage stage,
        Instant stageEnteredAt,
        List<String> coordinators,
        int expertCount,
        int commentCount,
        Instant consultationClosesAt,
        List<Coordinator> coordinatorDetails,
        boolean openCallForCoordinators,
        ForumLink continuesFrom,
        ForumLink continuedIn) {

    static ForumSummary of(ForumView forum) {
        return new ForumSummary(forum.id(), forum.cycle(), forum.topic(), forum.stage(), forum.stageEnteredAt(),
                forum.coordinators(), forum.experts().size(),
                forum.consultation() == null ? 0 : forum.consultation().commentCount(),
                forum.consultation() == null ? null : forum.consultation().closesAt(),
                forum.coordinatorDetails(), forum.openCallForCoordinators(), forum.continuesFrom(), forum.continuedIn());
    }
}
