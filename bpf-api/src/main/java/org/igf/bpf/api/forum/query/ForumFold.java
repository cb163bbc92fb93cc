package org.igf.bpf.api.forum.query;

import org.igf.bpf.api.forum.query.ForumView.ConsultationView;
import org.igf.bpf.api.forum.query.ForumView.DraftView;
import org.igf.bpf.api.forum.query.ForumView.ExpertView;
import org.igf.bpf.api.forum.query.ForumView.PresentationView;
import org.igf.bpf.api.forum.query.ForumView.StageVisit;
import org.igf.bpf.core.forum.CommentSubmitted;
import org.igf.bpf.core.forum.DiscussionStarted;
import org.igf.bpf.core.forum.DraftVersionAdded;
import org.igf.bpf.core.forum.DraftingStarted;
import org.igf.bpf.core.forum.ExpertRegistered;
import org.igf.bpf.core.forum.ForumCreated;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.OutcomePresented;
import org.igf.bpf.core.forum.Paragraphs;
import org.igf.bpf.core.forum.PublicConsultationClosed;
import org.igf.bpf.core.forum.PublicConsultationOpened;
import org.igf.bpf.core.forum.RevisionCompleted;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Folds a forum's events into its {@link ForumView}, one event at a time. Used both to answer a
 * read straight from the event store and by the projection that keeps the read table.
 */
public final class ForumFold {

    private ForumView view;

    private ForumFold(ForumView view) {
        this.view = view;
    }

    public static ForumFold empty() {
        return new ForumFold(null);
    }

    public static ForumFold from(ForumView view) {
        return new ForumFold(view);
    }

    public ForumView view() {
        return view;
    }

    public ForumFold apply(ForumEvent event, long sequence) {
        if (event instanceof ForumCreated e) {
            view = new ForumView(e.forumId().value(), e.cycle(), e.topic(), Stage.EXPERT_RECRUITMENT, e.at(), e.at(),
                    e.coordinators(), List.of(), Map.of(), List.of(), null, null,
                    List.of(new StageVisit(Stage.EXPERT_RECRUITMENT, e.at(), e.by().name())), sequence);
            return this;
        }
        if (view == null) {
            throw new IllegalStateException("The first event of a forum must be ForumCreated, not " + event);
        }
        if (event instanceof ExpertRegistered e) {
            List<ExpertView> experts = append(view.experts(), new ExpertView(e.name(), e.stakeholderGroup(), e.organisation(), e.at()));
            Map<StakeholderGroup, Integer> balance = new EnumMap<>(StakeholderGroup.class);
            experts.forEach(expert -> balance.merge(expert.stakeholderGroup(), 1, Integer::sum));
            view = copy(view.stage(), view.stageEnteredAt(), experts, balance, view.drafts(), view.consultation(),
                    view.presentation(), view.stages(), sequence);
        } else if (event instanceof DraftVersionAdded e) {
            view = copy(view.stage(), view.stageEnteredAt(), view.experts(), view.stakeholderBalance(),
                    append(view.drafts(), new DraftView(e.version(), e.title(), e.text(), Paragraphs.count(e.text()),
                            e.by().name(), e.at())),
                    view.consultation(), view.presentation(), view.stages(), sequence);
        } else if (event instanceof CommentSubmitted) {
            ConsultationView c = view.consultation();
            view = copy(view.stage(), view.stageEnteredAt(), view.experts(), view.stakeholderBalance(), view.drafts(),
                    new ConsultationView(c.draftVersion(), c.openedAt(), c.closesAt(), c.closedAt(), c.commentCount() + 1),
                    view.presentation(), view.stages(), sequence);
        } else if (event instanceof DiscussionStarted e) {
            enter(Stage.DISCUSSION, e, view.consultation(), view.presentation(), sequence);
        } else if (event instanceof DraftingStarted e) {
            enter(Stage.DRAFTING, e, view.consultation(), view.presentation(), sequence);
        } else if (event instanceof PublicConsultationOpened e) {
            enter(Stage.PUBLIC_CONSULTATION, e, new ConsultationView(e.draftVersion(), e.at(), e.closesAt(), null, 0),
                    view.presentation(), sequence);
        } else if (event instanceof PublicConsultationClosed e) {
            ConsultationView c = view.consultation();
            enter(Stage.REVISION, e, new ConsultationView(c.draftVersion(), c.openedAt(), c.closesAt(), e.at(), e.commentCount()),
                    view.presentation(), sequence);
        } else if (event instanceof RevisionCompleted e) {
            enter(Stage.PRESENTATION, e, view.consultation(), view.presentation(), sequence);
        } else if (event instanceof OutcomePresented e) {
            enter(Stage.CONCLUDED, e, view.consultation(), new PresentationView(e.presentedAt(), e.session()), sequence);
        }
        return this;
    }

    private void enter(Stage stage, ForumEvent event, ConsultationView consultation, PresentationView presentation, long sequence) {
        view = copy(stage, event.at(), view.experts(), view.stakeholderBalance(), view.drafts(), consultation, presentation,
                append(view.stages(), new StageVisit(stage, event.at(), event.by().name())), sequence);
    }

    private ForumView copy(Stage stage, java.time.Instant stageEnteredAt, List<ExpertView> experts,
                           Map<StakeholderGroup, Integer> balance, List<DraftView> drafts, ConsultationView consultation,
                           PresentationView presentation, List<StageVisit> stages, long sequence) {
        return new ForumView(view.id(), view.cycle(), view.topic(), stage, stageEnteredAt, view.createdAt(), view.coordinators(),
                experts, balance, drafts, consultation, presentation, stages, sequence);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
