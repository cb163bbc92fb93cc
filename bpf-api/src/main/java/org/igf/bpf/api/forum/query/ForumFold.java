package org.igf.bpf.api.forum.query;

import org.igf.bpf.api.forum.query.ForumView.CommentStatus;
import org.igf.bpf.api.forum.query.ForumView.CommentView;
import org.igf.bpf.api.forum.query.ForumView.ConsultationView;
import org.igf.bpf.api.forum.query.ForumView.DraftView;
import org.igf.bpf.api.forum.query.ForumView.ExpertView;
import org.igf.bpf.api.forum.query.ForumView.ExtensionView;
import org.igf.bpf.api.forum.query.ForumView.ForumLink;
import org.igf.bpf.api.forum.query.ForumView.MailingListView;
import org.igf.bpf.api.forum.query.ForumView.MeetingView;
import org.igf.bpf.api.forum.query.ForumView.OutcomeView;
import org.igf.bpf.api.forum.query.ForumView.PresentationView;
import org.igf.bpf.api.forum.query.ForumView.SessionView;
import org.igf.bpf.api.forum.query.ForumView.StageVisit;
import org.igf.bpf.api.forum.query.ForumView.VolunteerView;
import org.igf.bpf.core.forum.AnnualMeetingSessionScheduled;
import org.igf.bpf.core.forum.CommentApproved;
import org.igf.bpf.core.forum.CommentDisposed;
import org.igf.bpf.core.forum.CommentHidden;
import org.igf.bpf.core.forum.CommentSubmitted;
import org.igf.bpf.core.forum.ConsultationDeadlineExtended;
import org.igf.bpf.core.forum.Coordinator;
import org.igf.bpf.core.forum.CoordinatorAppointed;
import org.igf.bpf.core.forum.CoordinatorSteppedDown;
import org.igf.bpf.core.forum.DiscussionStarted;
import org.igf.bpf.core.forum.DraftVersionAdded;
import org.igf.bpf.core.forum.DraftingStarted;
import org.igf.bpf.core.forum.ExpertLeft;
import org.igf.bpf.core.forum.ExpertRegistered;
import org.igf.bpf.core.forum.ExpertsCarriedOver;
import org.igf.bpf.core.forum.ForumContinuedFrom;
import org.igf.bpf.core.forum.ForumContinuedIn;
import org.igf.bpf.core.forum.ForumCreated;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.MailingListReactivated;
import org.igf.bpf.core.forum.MagMemberVolunteered;
import org.igf.bpf.core.forum.MailingListSet;
import org.igf.bpf.core.forum.OutcomePresented;
import org.igf.bpf.core.forum.OutcomePublished;
import org.igf.bpf.core.forum.Paragraphs;
import org.igf.bpf.core.forum.PreModerationSwitched;
import org.igf.bpf.core.forum.PublicConsultationClosed;
import org.igf.bpf.core.forum.PublicConsultationOpened;
import org.igf.bpf.core.forum.RevisionCompleted;
import org.igf.bpf.core.forum.SecondConsultationRoundOpened;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.forum.VirtualMeetingRecorded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Folds a forum's events into its {@link ForumView}, one event at a time. Used both to answer a
 * read straight from the event store and by the projection that keeps the read table.
 */
public final class ForumFold {

    /** The view as last built (stale while {@link #pending} holds later events). */
    private ForumView view;
    /**
     * The events applied since {@link #view} was built, on one mutable copy: folding a stream copies
     * the forum's lists once, when the view is asked for, not once per event (a consultation's
     * thousands of comments made that quadratic).
     */
    private Builder pending;

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
        if (pending != null) {
            view = pending.build();
            pending = null;
        }
        return view;
    }

    public ForumFold apply(ForumEvent event, long sequence) {
        if (event instanceof ForumCreated e) {
            List<Coordinator> details = e.coordinators().stream().map(Coordinator::ofAccount).toList();
            view = new ForumView(e.forumId().value(), e.cycle(), e.topic(), Stage.EXPERT_RECRUITMENT, e.at(), e.at(),
                    e.coordinators(), List.of(), Map.of(), List.of(), null, null,
                    List.of(new StageVisit(Stage.EXPERT_RECRUITMENT, e.at(), e.by().name())), sequence,
                    details, details.isEmpty(), null, null, null, List.of(), false, List.of(), null, null, List.of());
            pending = null;
            return this;
        }
        if (view == null && pending == null) {
            throw new IllegalStateException("The first event of a forum must be ForumCreated, not " + event);
        }
        if (pending == null) {
            pending = new Builder(view);
        }
        Builder b = pending;
        b.version = sequence;
        if (event instanceof CoordinatorAppointed e) {
            b.coordinatorDetails.add(e.coordinator());
            b.volunteers.removeIf(v -> v.name().equals(e.coordinator().name()));
        } else if (event instanceof MagMemberVolunteered e) {
            b.volunteers.add(new VolunteerView(e.name(), e.account(), e.at()));
        } else if (event instanceof CoordinatorSteppedDown e) {
            b.coordinatorDetails.removeIf(c -> c.name().equals(e.name()));
        } else if (event instanceof ExpertRegistered e) {
            b.experts.add(new ExpertView(e.name(), e.stakeholderGroup(), e.organisation(), e.at()));
        } else if (event instanceof ExpertsCarriedOver e) {
            e.experts().forEach(x -> b.experts.add(new ExpertView(x.name(), x.stakeholderGroup(), x.organisation(), e.at())));
        } else if (event instanceof ExpertLeft e) {
            b.experts.removeIf(x -> x.name().equals(e.name()));
        } else if (event instanceof MailingListSet e) {
            b.mailingList = new MailingListView(e.address(), null);
        } else if (event instanceof MailingListReactivated e) {
            b.mailingList = new MailingListView(e.address(), e.previousForumId().value());
        } else if (event instanceof VirtualMeetingRecorded e) {
            b.meetings.add(new MeetingView(e.heldOn(), e.attendeeCount(), e.summary(), e.notesLink(), e.by().name()));
        } else if (event instanceof ForumContinuedFrom e) {
            b.continuesFrom = new ForumLink(e.previousForumId().value(), e.previousCycle(), e.previousTopic());
        } else if (event instanceof ForumContinuedIn e) {
            b.continuedIn = new ForumLink(e.nextForumId().value(), e.nextCycle(), b.base.topic());
        } else if (event instanceof DraftVersionAdded e) {
            b.drafts.add(new DraftView(e.version(), e.title(), e.text(), Paragraphs.count(e.text()), e.by().name(), e.at(),
                    e.author() == null ? e.by().name() : e.author(), e.secretariatSupported()));
        } else if (event instanceof PreModerationSwitched e) {
            b.preModeration = e.enabled();
        } else if (event instanceof CommentSubmitted e) {
            b.comments.add(new CommentView(e.commentId(), e.round(), e.draftVersion(), e.paragraph(), e.author(), e.stakeholderGroup(),
                    e.organisation(), e.text(), e.at(), e.heldForModeration() ? CommentStatus.HELD_FOR_MODERATION : CommentStatus.PUBLISHED,
                    null, null, null));
            ConsultationView c = b.consultation;
            b.consultation = new ConsultationView(c.draftVersion(), c.openedAt(), c.closesAt(), c.closedAt(), c.commentCount() + 1,
                    c.round(), c.extensions());
        } else if (event instanceof CommentApproved e) {
            b.updateComment(e.commentId(), c -> withStatus(c, CommentStatus.PUBLISHED, null));
        } else if (event instanceof CommentHidden e) {
            b.updateComment(e.commentId(), c -> withStatus(c, CommentStatus.HIDDEN, e.reason()));
        } else if (event instanceof CommentDisposed e) {
            b.updateComment(e.commentId(), c -> new CommentView(c.id(), c.round(), c.draftVersion(), c.paragraph(), c.author(),
                    c.stakeholderGroup(), c.organisation(), c.text(), c.submittedAt(), c.status(), c.hiddenReason(),
                    e.disposition(), e.note()));
        } else if (event instanceof ConsultationDeadlineExtended e) {
            ConsultationView c = b.consultation;
            List<ExtensionView> extensions = new ArrayList<>(c.extensions());
            extensions.add(new ExtensionView(e.previousClosesAt(), e.closesAt(), e.reason(), e.by().name(), e.at()));
            b.consultation = new ConsultationView(c.draftVersion(), c.openedAt(), e.closesAt(), c.closedAt(), c.commentCount(),
                    c.round(), List.copyOf(extensions));
        } else if (event instanceof AnnualMeetingSessionScheduled e) {
            b.session = new SessionView(e.title(), e.startsAt(), e.roomOrLink());
        } else if (event instanceof OutcomePublished e) {
            b.outcome = new OutcomeView(e.version(), e.publishedAt());
        } else if (event instanceof DiscussionStarted e) {
            b.enter(Stage.DISCUSSION, e);
        } else if (event instanceof DraftingStarted e) {
            b.enter(Stage.DRAFTING, e);
        } else if (event instanceof PublicConsultationOpened e) {
            b.consultation = new ConsultationView(e.draftVersion(), e.at(), e.closesAt(), null, 0, 1, List.of());
            b.enter(Stage.PUBLIC_CONSULTATION, e);
        } else if (event instanceof SecondConsultationRoundOpened e) {
            b.consultation = new ConsultationView(e.draftVersion(), e.at(), e.closesAt(), null, 0, e.round(), List.of());
            b.enter(Stage.PUBLIC_CONSULTATION, e);
        } else if (event instanceof PublicConsultationClosed e) {
            ConsultationView c = b.consultation;
            b.consultation = new ConsultationView(c.draftVersion(), c.openedAt(), c.closesAt(), e.at(), e.commentCount(), c.round(),
                    c.extensions());
            b.enter(Stage.REVISION, e);
        } else if (event instanceof RevisionCompleted e) {
            b.enter(Stage.PRESENTATION, e);
        } else if (event instanceof OutcomePresented e) {
            b.presentation = new PresentationView(e.presentedAt(), e.session());
            b.enter(Stage.CONCLUDED, e);
        }
        return this;
    }

    private static CommentView withStatus(CommentView c, CommentStatus status, String reason) {
        return new CommentView(c.id(), c.round(), c.draftVersion(), c.paragraph(), c.author(), c.stakeholderGroup(), c.organisation(),
                c.text(), c.submittedAt(), status, reason, c.disposition(), c.dispositionNote());
    }

    /** A mutable copy of a view for the events applied since it was built; the view itself stays immutable. */
    private static final class Builder {
        private final ForumView base;
        Stage stage;
        Instant stageEnteredAt;
        final List<ExpertView> experts;
        final List<DraftView> drafts;
        ConsultationView consultation;
        PresentationView presentation;
        final List<StageVisit> stages;
        long version;
        final List<Coordinator> coordinatorDetails;
        ForumLink continuesFrom;
        ForumLink continuedIn;
        MailingListView mailingList;
        final List<MeetingView> meetings;
        boolean preModeration;
        final List<CommentView> comments;
        SessionView session;
        OutcomeView outcome;
        final List<VolunteerView> volunteers;

        Builder(ForumView v) {
            base = v;
            stage = v.stage();
            stageEnteredAt = v.stageEnteredAt();
            experts = new ArrayList<>(v.experts());
            drafts = new ArrayList<>(v.drafts());
            consultation = v.consultation();
            presentation = v.presentation();
            stages = new ArrayList<>(v.stages());
            version = v.version();
            coordinatorDetails = new ArrayList<>(v.coordinatorDetails());
            continuesFrom = v.continuesFrom();
            continuedIn = v.continuedIn();
            mailingList = v.mailingList();
            meetings = new ArrayList<>(v.meetings());
            preModeration = v.preModeration();
            comments = new ArrayList<>(v.comments());
            session = v.session();
            outcome = v.outcome();
            volunteers = new ArrayList<>(v.volunteers());
        }

        void enter(Stage next, ForumEvent event) {
            stage = next;
            stageEnteredAt = event.at();
            stages.add(new StageVisit(next, event.at(), event.by().name()));
        }

        void updateComment(String id, UnaryOperator<CommentView> change) {
            comments.replaceAll(c -> c.id().equals(id) ? change.apply(c) : c);
        }

        ForumView build() {
            Map<StakeholderGroup, Integer> balance = new EnumMap<>(StakeholderGroup.class);
            experts.forEach(expert -> balance.merge(expert.stakeholderGroup(), 1, Integer::sum));
            List<String> accounts = coordinatorDetails.stream().map(Coordinator::account).filter(a -> a != null).distinct().toList();
            boolean openCall = coordinatorDetails.stream().noneMatch(c -> c.role() == Coordinator.Role.MAG_COORDINATOR);
            return new ForumView(base.id(), base.cycle(), base.topic(), stage, stageEnteredAt, base.createdAt(), accounts,
                    List.copyOf(experts), balance, List.copyOf(drafts), consultation, presentation, List.copyOf(stages), version,
                    List.copyOf(coordinatorDetails), openCall, continuesFrom, continuedIn, mailingList, List.copyOf(meetings),
                    preModeration, List.copyOf(comments), session, outcome, List.copyOf(volunteers));
        }
    }
}
