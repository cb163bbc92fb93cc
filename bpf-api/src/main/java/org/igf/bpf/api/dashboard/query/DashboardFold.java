package org.igf.bpf.api.dashboard.query;

import org.igf.bpf.api.dashboard.query.DashboardForumView.DeadlineView;
import org.igf.bpf.api.dashboard.query.DashboardForumView.StageSpan;
import org.igf.bpf.core.forum.CommentSubmitted;
import org.igf.bpf.core.forum.DiscussionStarted;
import org.igf.bpf.core.forum.DraftingStarted;
import org.igf.bpf.core.forum.ExpertRegistered;
import org.igf.bpf.core.forum.ForumCreated;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.OutcomePresented;
import org.igf.bpf.core.forum.PublicConsultationClosed;
import org.igf.bpf.core.forum.PublicConsultationOpened;
import org.igf.bpf.core.forum.RevisionCompleted;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a forum's events into its {@link DashboardForumView}. Every event counts as activity; the
 * events the dashboard does not know (yet) change nothing else, so new event types never break the
 * board. To show a new fact, add a case to {@link #apply}.
 */
public final class DashboardFold {

    static final String CONSULTATION_CLOSES = "consultation-closes";

    private DashboardForumView view;

    private DashboardFold(DashboardForumView view) {
        this.view = view;
    }

    public static DashboardFold empty() {
        return new DashboardFold(null);
    }

    public static DashboardFold from(DashboardForumView view) {
        return new DashboardFold(view);
    }

    /** The forum so far; null until its ForumCreated was applied. */
    public DashboardForumView view() {
        return view;
    }

    public DashboardFold apply(ForumEvent event, long sequence) {
        if (event instanceof ForumCreated e) {
            view = new DashboardForumView(e.forumId().value(), e.cycle(), e.topic(), Stage.EXPERT_RECRUITMENT, e.at(), e.at(),
                    e.at(), e.coordinators(), Map.of(), 0, List.of(),
                    List.of(new StageSpan(Stage.EXPERT_RECRUITMENT, e.at(), e.by().name())), sequence);
            return this;
        }
        if (view == null) {
            // a stream that does not start with ForumCreated is not a forum the dashboard can show
            return this;
        }
        Builder next = new Builder(view, event.at(), sequence);
        if (event instanceof ExpertRegistered e) {
            next.expertsByGroup.merge(e.stakeholderGroup(), 1, Integer::sum);
        } else if (event instanceof CommentSubmitted) {
            next.commentCount++;
        } else if (event instanceof DiscussionStarted e) {
            next.enter(Stage.DISCUSSION, e);
        } else if (event instanceof DraftingStarted e) {
            next.enter(Stage.DRAFTING, e);
        } else if (event instanceof PublicConsultationOpened e) {
            next.enter(Stage.PUBLIC_CONSULTATION, e);
            next.deadlines.add(new DeadlineView(CONSULTATION_CLOSES, "consultation closes", e.closesAt(), null));
        } else if (event instanceof PublicConsultationClosed e) {
            next.enter(Stage.REVISION, e);
            next.settle(CONSULTATION_CLOSES, e.at());
            next.commentCount = e.commentCount();
        } else if (event instanceof RevisionCompleted e) {
            next.enter(Stage.PRESENTATION, e);
        } else if (event instanceof OutcomePresented e) {
            next.enter(Stage.CONCLUDED, e);
        }
        view = next.build();
        return this;
    }

    /** A mutable copy of a view, for one event. */
    private static final class Builder {
        private final DashboardForumView from;
        private final Instant activityAt;
        private final long sequence;
        private Stage stage;
        private Instant stageEnteredAt;
        private final Map<StakeholderGroup, Integer> expertsByGroup = new EnumMap<>(StakeholderGroup.class);
        private int commentCount;
        private final List<DeadlineView> deadlines;
        private final List<StageSpan> stages;

        Builder(DashboardForumView from, Instant activityAt, long sequence) {
            this.from = from;
            this.activityAt = activityAt;
            this.sequence = sequence;
            this.stage = from.stage();
            this.stageEnteredAt = from.stageEnteredAt();
            this.expertsByGroup.putAll(from.expertsByGroup());
            this.commentCount = from.commentCount();
            this.deadlines = new ArrayList<>(from.deadlines());
            this.stages = new ArrayList<>(from.stages());
        }

        void enter(Stage entered, ForumEvent event) {
            stage = entered;
            stageEnteredAt = event.at();
            stages.add(new StageSpan(entered, event.at(), event.by().name()));
        }

        void settle(String kind, Instant at) {
            deadlines.replaceAll(d -> d.kind().equals(kind) && d.open() ? new DeadlineView(d.kind(), d.label(), d.at(), at) : d);
        }

        DashboardForumView build() {
            Instant lastActivity = activityAt.isAfter(from.lastActivityAt()) ? activityAt : from.lastActivityAt();
            return new DashboardForumView(from.id(), from.cycle(), from.topic(), stage, stageEnteredAt, from.createdAt(),
                    lastActivity, from.coordinators(), expertsByGroup, commentCount, deadlines, stages, sequence);
        }
    }
}
