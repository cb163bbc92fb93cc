package org.igf.bpf.core.forum;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.igf.bpf.core.shared.RuleViolation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One Best Practice Forum. Decides whether each step is allowed (the gates) and records every
 * change as an event. The order of stages and the waiting between them belong to the BPMN
 * process; this class only answers "may this happen now?".
 */
public class ForumAggregate {

    private enum CommentStatus { HELD, PUBLISHED, HIDDEN }

    private record CommentState(CommentStatus status, int round, boolean disposed) {

        CommentState with(CommentStatus newStatus) {
            return new CommentState(newStatus, round, disposed);
        }
    }

    @AggregateIdentifier
    private ForumId forumId;
    private int cycle;
    private String topic;
    private Stage stage;
    private final Map<String, Expert> experts = new LinkedHashMap<>();
    private final Map<String, Coordinator> coordinators = new LinkedHashMap<>();
    private final java.util.Set<String> volunteers = new java.util.HashSet<>();
    private final Map<Integer, Integer> paragraphsPerVersion = new HashMap<>();
    private final Map<String, CommentState> comments = new HashMap<>();
    private int latestDraftVersion;
    private int consultedVersion;
    private int round;
    private Instant consultationClosesAt;
    private int commentCount;
    private boolean preModeration;
    private String mailingList;
    private ForumId continuedFrom;
    private ForumId continuedIn;
    private String scheduledSession;
    private int revisedVersion;

    /** Required by Axon to rebuild the aggregate from its events. */
    protected ForumAggregate() {
    }

    @CommandHandler
    public ForumAggregate(CreateForum command) {
        if (command.topic() == null || command.topic().isBlank()) {
            throw new RuleViolation("forum.topic-required", "A forum needs a topic.");
        }
        List<String> names = new java.util.ArrayList<>(command.coordinators());
        for (Coordinator coordinator : command.appointed()) {
            if (names.contains(coordinator.name())) {
                throw new RuleViolation("coordinator.already-appointed", coordinator.name() + " is named twice as coordinator.");
            }
            names.add(coordinator.name());
        }
        apply(new ForumCreated(command.forumId(), command.cycle(), command.topic().strip(),
                command.coordinators(), command.by(), command.at()));
        for (Coordinator coordinator : command.appointed()) {
            apply(new CoordinatorAppointed(command.forumId(), coordinator, command.by(), command.at()));
        }
    }

    // --- people ----------------------------------------------------------------------------------

    @CommandHandler
    public void handle(AppointCoordinator command) {
        refuseWhenConcluded();
        Coordinator coordinator = command.coordinator();
        if (coordinators.containsKey(coordinator.name())) {
            throw new RuleViolation("coordinator.already-appointed", coordinator.name() + " already coordinates this forum.");
        }
        if (coordinator.account() != null && coordinators.values().stream().anyMatch(c -> coordinator.account().equals(c.account()))) {
            throw new RuleViolation("coordinator.account-taken", "The account " + coordinator.account()
                    + " already belongs to a coordinator of this forum.");
        }
        apply(new CoordinatorAppointed(forumId, coordinator, command.by(), command.at()));
    }

    @CommandHandler
    public void handle(VolunteerAsCoordinator command) {
        refuseWhenConcluded();
        if (coordinators.values().stream().anyMatch(c -> c.role() == Coordinator.Role.MAG_COORDINATOR)) {
            throw new RuleViolation("coordinator.no-open-call", "The forum has a MAG coordinator; it has no open call for volunteers.");
        }
        if (command.name() == null || command.name().isBlank()) {
            throw new RuleViolation("coordinator.volunteer-name-required", "A volunteer needs a name.");
        }
        if (volunteers.contains(command.name().strip())) {
            throw new RuleViolation("coordinator.already-volunteered", command.name().strip() + " has already volunteered.");
        }
        apply(new MagMemberVolunteered(forumId, command.name().strip(), command.account(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(StepDownCoordinator command) {
        refuseWhenConcluded();
        if (!coordinators.containsKey(command.name())) {
            throw new RuleViolation("coordinator.unknown", command.name() + " does not coordinate this forum.");
        }
        apply(new CoordinatorSteppedDown(forumId, command.name(), command.reason(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(RegisterExpert command) {
        refuseWhenConcluded();
        if (experts.containsKey(command.name())) {
            throw new RuleViolation("expert.already-registered", command.name() + " is already an expert of this forum.");
        }
        apply(new ExpertRegistered(forumId, command.name(), command.stakeholderGroup(),
                command.organisation(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(WithdrawExpert command) {
        refuseWhenConcluded();
        Expert expert = experts.get(command.name());
        if (expert == null) {
            throw new RuleViolation("expert.unknown", command.name() + " is not an expert of this forum.");
        }
        apply(new ExpertLeft(forumId, expert.name(), expert.stakeholderGroup(), command.reason(), command.by(), command.at()));
    }

    // --- discussion ------------------------------------------------------------------------------

    @CommandHandler
    public void handle(SetMailingList command) {
        refuseWhenConcluded();
        if (command.address() == null || !command.address().contains("@")) {
            throw new RuleViolation("mailing-list.invalid-address", "A mailing list needs an e-mail address.");
        }
        apply(new MailingListSet(forumId, command.address().strip(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(RecordVirtualMeeting command) {
        refuseWhenConcluded();
        if (stage == Stage.EXPERT_RECRUITMENT) {
            throw new RuleViolation("meeting.before-discussion",
                    "Virtual meetings are recorded from the discussion on; the forum is still recruiting experts.");
        }
        if (command.heldOn() == null || command.attendeeCount() < 1) {
            throw new RuleViolation("meeting.details-required", "A virtual meeting needs its date and at least one attendee.");
        }
        apply(new VirtualMeetingRecorded(forumId, command.heldOn(), command.attendeeCount(), command.summary(),
                command.notesLink(), command.by(), command.at()));
    }

    // --- continuity across cycles ----------------------------------------------------------------

    @CommandHandler
    public Handover handle(HandOverToNextCycle command) {
        if (continuedIn != null) {
            throw new RuleViolation("continuation.already-continued", "This forum is already continued by forum " + continuedIn + ".");
        }
        if (command.nextCycle() <= cycle) {
            throw new RuleViolation("continuation.not-a-later-cycle", "A forum of cycle " + cycle
                    + " can only be continued in a later cycle, not in " + command.nextCycle() + ".");
        }
        apply(new ForumContinuedIn(forumId, command.nextForumId(), command.nextCycle(), command.by(), command.at()));
        return new Handover(cycle, topic, List.copyOf(experts.values()), mailingList);
    }

    @CommandHandler
    public void handle(ContinueFromPreviousCycle command) {
        if (continuedFrom != null || stage != Stage.EXPERT_RECRUITMENT) {
            throw new RuleViolation("continuation.only-when-opening",
                    "A forum continues last cycle's forum from its opening, and from one forum only.");
        }
        Handover handover = command.handover();
        if (handover.cycle() >= cycle) {
            throw new RuleViolation("continuation.not-a-later-cycle", "A forum of cycle " + cycle
                    + " can only continue a forum of an earlier cycle, not of " + handover.cycle() + ".");
        }
        apply(new ForumContinuedFrom(forumId, command.previousForumId(), handover.cycle(), handover.topic(), command.by(), command.at()));
        List<Expert> carried = handover.experts().stream().filter(e -> !experts.containsKey(e.name())).toList();
        if (!carried.isEmpty()) {
            apply(new ExpertsCarriedOver(forumId, command.previousForumId(), carried, command.by(), command.at()));
        }
        if (handover.mailingList() != null) {
            apply(new MailingListReactivated(forumId, handover.mailingList(), command.previousForumId(), command.by(), command.at()));
        }
    }

    // --- the outcome document and its consultation -----------------------------------------------

    @CommandHandler
    public int handle(AddDraftVersion command) {
        refuseWhenConcluded();
        if (Paragraphs.count(command.text()) == 0) {
            throw new RuleViolation("draft.text-required", "A draft version needs some text.");
        }
        int version = latestDraftVersion + 1;
        String author = command.author() == null || command.author().isBlank() ? command.by().name() : command.author().strip();
        apply(new DraftVersionAdded(forumId, version, command.title(), command.text(), command.by(), command.at(),
                author, command.secretariatSupported()));
        return version;
    }

    @CommandHandler
    public void handle(SubmitComment command) {
        submit(command, MetaData.emptyInstance());
    }

    /** Every comment decided on its own, as {@link SubmitComment}; an accepted one sees the ones before it. */
    @CommandHandler
    public List<CommentDecision> handle(SubmitComments command) {
        List<CommentDecision> decisions = new java.util.ArrayList<>(command.comments().size());
        for (SubmitComments.Entry entry : command.comments()) {
            try {
                submit(entry.comment(), MetaData.from(entry.metaData()));
                decisions.add(CommentDecision.accepted(entry.comment().commentId()));
            } catch (RuleViolation refused) {
                decisions.add(CommentDecision.refused(entry.comment().commentId(), refused));
            }
        }
        return decisions;
    }

    private void submit(SubmitComment command, MetaData metaData) {
        if (stage != Stage.PUBLIC_CONSULTATION || !command.at().isBefore(consultationClosesAt)) {
            throw new RuleViolation("consultation.not-open",
                    "Comments are accepted only while the public consultation is open"
                            + (consultationClosesAt == null ? "." : "; it closes at " + consultationClosesAt + "."));
        }
        Integer paragraph = command.paragraph();
        int paragraphs = paragraphsPerVersion.get(consultedVersion);
        if (paragraph != null && (paragraph < 1 || paragraph > paragraphs)) {
            throw new RuleViolation("comment.unknown-paragraph", "Draft version " + consultedVersion + " has paragraphs 1 to "
                    + paragraphs + "; there is no paragraph " + paragraph + ".");
        }
        apply(new CommentSubmitted(forumId, command.commentId(), consultedVersion, paragraph, command.author(),
                command.text(), command.by(), command.at(), command.stakeholderGroup(), command.organisation(),
                preModeration, round), metaData);
    }

    @CommandHandler
    public void handle(ExtendConsultation command) {
        if (stage != Stage.PUBLIC_CONSULTATION) {
            throw new RuleViolation("consultation.not-open", "Only an open public consultation can be extended.");
        }
        if (!command.at().isBefore(consultationClosesAt)) {
            throw new RuleViolation("consultation.deadline-passed", "The deadline " + consultationClosesAt
                    + " has passed; a consultation is extended before it closes.");
        }
        if (command.closesAt() == null || !command.closesAt().isAfter(consultationClosesAt)) {
            throw new RuleViolation("consultation.extension-not-later", "The new deadline must lie after the current one, "
                    + consultationClosesAt + ".");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("consultation.extension-reason-required", "An extension needs a reason.");
        }
        apply(new ConsultationDeadlineExtended(forumId, round, consultationClosesAt, command.closesAt(), command.reason().strip(),
                command.by(), command.at()));
    }

    @CommandHandler
    public void handle(SwitchPreModeration command) {
        refuseWhenConcluded();
        if (command.enabled() != preModeration) {
            apply(new PreModerationSwitched(forumId, command.enabled(), command.by(), command.at()));
        }
    }

    @CommandHandler
    public void handle(ApproveComment command) {
        refuseWhenConcluded();
        if (comment(command.commentId()).status() != CommentStatus.HELD) {
            throw new RuleViolation("comment.not-held", "Comment " + command.commentId() + " is not waiting for approval.");
        }
        apply(new CommentApproved(forumId, command.commentId(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(HideComment command) {
        refuseWhenConcluded();
        if (comment(command.commentId()).status() == CommentStatus.HIDDEN) {
            throw new RuleViolation("comment.already-hidden", "Comment " + command.commentId() + " is already hidden.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("comment.hide-reason-required", "Hiding a comment needs a reason.");
        }
        apply(new CommentHidden(forumId, command.commentId(), command.reason().strip(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(DisposeComment command) {
        if (stage != Stage.REVISION) {
            throw new RuleViolation("revision.not-in-revision", "Dispositions are given during the revision; the forum is in " + stage + ".");
        }
        CommentState comment = comment(command.commentId());
        if (comment.status() == CommentStatus.HIDDEN) {
            throw new RuleViolation("comment.hidden", "Comment " + command.commentId() + " is hidden; it needs no disposition.");
        }
        if (comment.status() == CommentStatus.HELD) {
            throw new RuleViolation("comment.held-for-moderation", "Comment " + command.commentId()
                    + " still waits for moderation; approve or hide it first.");
        }
        if (command.disposition() == null || command.note() == null || command.note().isBlank()) {
            throw new RuleViolation("disposition.details-required", "A disposition needs its kind and a note.");
        }
        apply(new CommentDisposed(forumId, command.commentId(), command.disposition(), command.note().strip(), command.by(), command.at()));
    }

    // --- stage transitions -----------------------------------------------------------------------

    @CommandHandler
    public void handle(StartDiscussion command, ForumGates gates) {
        expectToLeave(command, Stage.EXPERT_RECRUITMENT);
        Map<StakeholderGroup, Integer> expertsPerGroup = balance();
        int count = experts.size();
        if (count < gates.minExperts()) {
            throw new RuleViolation("recruitment.too-few-experts", "Expert recruitment needs at least "
                    + gates.minExperts() + " experts before the discussion starts; the forum has " + count + ".");
        }
        if (expertsPerGroup.size() < gates.minStakeholderGroups()) {
            throw new RuleViolation("recruitment.too-few-stakeholder-groups", "Expert recruitment needs experts from at least "
                    + gates.minStakeholderGroups() + " stakeholder groups; the forum has " + expertsPerGroup.size() + ".");
        }
        if (coordinators.isEmpty()) {
            throw new RuleViolation("recruitment.needs-coordinator", "The forum has no coordinator yet (an open call for MAG "
                    + "volunteers); appoint a MAG coordinator or lead expert before the discussion starts.");
        }
        apply(new DiscussionStarted(forumId, count, expertsPerGroup.size(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(StartDrafting command) {
        expectToLeave(command, Stage.DISCUSSION);
        apply(new DraftingStarted(forumId, command.by(), command.at()));
    }

    @CommandHandler
    public void handle(OpenPublicConsultation command) {
        expectToLeave(command, Stage.DRAFTING);
        if (latestDraftVersion == 0) {
            throw new RuleViolation("consultation.needs-draft",
                    "A public consultation needs a draft outcome document; add a draft version first.");
        }
        int version = command.draftVersion() == null ? latestDraftVersion : command.draftVersion();
        requireDraft(version);
        requireFutureDeadline(command.closesAt(), command.at());
        apply(new PublicConsultationOpened(forumId, version, command.closesAt(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(ClosePublicConsultation command) {
        expectToLeave(command, Stage.PUBLIC_CONSULTATION);
        if (command.at().isBefore(consultationClosesAt)) {
            throw new RuleViolation("consultation.open-until-deadline", "The public consultation stays open until its deadline, "
                    + consultationClosesAt + "; it closes by itself then.");
        }
        // the consultation closed at its deadline, however late the timer job ran
        apply(new PublicConsultationClosed(forumId, consultedVersion, commentCount, command.by(), consultationClosesAt));
    }

    @CommandHandler
    public void handle(CompleteRevision command) {
        expectToLeave(command, Stage.REVISION);
        requireRevisionDone();
        apply(new RevisionCompleted(forumId, latestDraftVersion, command.by(), command.at()));
    }

    @CommandHandler
    public void handle(OpenSecondConsultationRound command) {
        expectToLeave(command, Stage.REVISION);
        requireRevisionDone();
        requireFutureDeadline(command.closesAt(), command.at());
        apply(new SecondConsultationRoundOpened(forumId, round + 1, latestDraftVersion, command.closesAt(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(ScheduleAnnualMeetingSession command) {
        refuseWhenConcluded();
        if (command.title() == null || command.title().isBlank() || command.startsAt() == null) {
            throw new RuleViolation("session.details-required", "A session at the annual meeting needs a title and a start.");
        }
        apply(new AnnualMeetingSessionScheduled(forumId, command.title().strip(), command.startsAt(), command.roomOrLink(),
                command.by(), command.at()));
    }

    @CommandHandler
    public void handle(RecordPresentation command) {
        expectToLeave(command, Stage.PRESENTATION);
        String session = command.session() == null || command.session().isBlank() ? scheduledSession : command.session().strip();
        if (command.presentedAt() == null || session == null) {
            throw new RuleViolation("presentation.details-required",
                    "Recording the presentation needs the date it was presented and the annual meeting session.");
        }
        int published = command.publishedVersion() == null ? revisedVersion : command.publishedVersion();
        requireDraft(published);
        if (published < revisedVersion) {
            throw new RuleViolation("outcome.older-than-revision", "The final outcome cannot be version " + published
                    + ", older than the revised version " + revisedVersion + ".");
        }
        apply(new OutcomePresented(forumId, command.presentedAt(), session, command.by(), command.at()));
        apply(new OutcomePublished(forumId, published, command.publishedAt() == null ? command.at() : command.publishedAt(),
                command.by(), command.at()));
    }

    // --- named rules -----------------------------------------------------------------------------

    /** The stale-request guard first (409), then whether this command leaves this stage at all (422). */
    private void expectToLeave(StageCommand command, Stage stageThisCommandLeaves) {
        if (command.leaving() != stage) {
            throw new StageConflict(command.leaving(), stage);
        }
        if (stageThisCommandLeaves != stage) {
            throw new RuleViolation("forum.transition-not-allowed", "A forum in " + stage + " cannot take "
                    + command.getClass().getSimpleName() + ".");
        }
    }

    /** Leaving REVISION, either way: a revised version, and every visible comment of the round with a disposition. */
    private void requireRevisionDone() {
        if (latestDraftVersion <= consultedVersion) {
            throw new RuleViolation("revision.needs-newer-draft", "The revision needs a draft version newer than version "
                    + consultedVersion + ", the one consulted on.");
        }
        long open = comments.values().stream()
                .filter(c -> c.round() == round && c.status() != CommentStatus.HIDDEN && !c.disposed()).count();
        if (open > 0) {
            throw new RuleViolation("revision.comments-without-disposition", open + " comment(s) of consultation round " + round
                    + " have no disposition yet; every comment gets one before the revision ends.");
        }
    }

    private void requireFutureDeadline(Instant closesAt, Instant now) {
        if (closesAt == null || !closesAt.isAfter(now)) {
            throw new RuleViolation("consultation.deadline-not-in-future",
                    "The consultation deadline must lie in the future (it was " + closesAt + ").");
        }
    }

    private void requireDraft(int version) {
        if (!paragraphsPerVersion.containsKey(version)) {
            throw new RuleViolation("draft.unknown-version", "The forum has no draft version " + version + ".");
        }
    }

    private CommentState comment(String commentId) {
        CommentState comment = comments.get(commentId);
        if (comment == null) {
            throw new RuleViolation("comment.unknown", "The forum has no comment " + commentId + ".");
        }
        return comment;
    }

    private Map<StakeholderGroup, Integer> balance() {
        Map<StakeholderGroup, Integer> balance = new EnumMap<>(StakeholderGroup.class);
        experts.values().forEach(e -> balance.merge(e.stakeholderGroup(), 1, Integer::sum));
        return balance;
    }

    private void refuseWhenConcluded() {
        if (stage == Stage.CONCLUDED) {
            throw new RuleViolation("forum.concluded", "The forum is concluded; its record is closed.");
        }
    }

    // --- state -----------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ForumCreated event) {
        forumId = event.forumId();
        cycle = event.cycle();
        topic = event.topic();
        stage = Stage.EXPERT_RECRUITMENT;
        event.coordinators().forEach(account -> coordinators.put(account, Coordinator.ofAccount(account)));
    }

    @EventSourcingHandler
    void on(CoordinatorAppointed event) {
        coordinators.put(event.coordinator().name(), event.coordinator());
    }

    @EventSourcingHandler
    void on(MagMemberVolunteered event) {
        volunteers.add(event.name());
    }

    @EventSourcingHandler
    void on(CoordinatorSteppedDown event) {
        coordinators.remove(event.name());
    }

    @EventSourcingHandler
    void on(ExpertRegistered event) {
        experts.put(event.name(), new Expert(event.name(), event.stakeholderGroup(), event.organisation()));
    }

    @EventSourcingHandler
    void on(ExpertLeft event) {
        experts.remove(event.name());
    }

    @EventSourcingHandler
    void on(ExpertsCarriedOver event) {
        event.experts().forEach(e -> experts.put(e.name(), e));
    }

    @EventSourcingHandler
    void on(MailingListSet event) {
        mailingList = event.address();
    }

    @EventSourcingHandler
    void on(MailingListReactivated event) {
        mailingList = event.address();
    }

    @EventSourcingHandler
    void on(ForumContinuedFrom event) {
        continuedFrom = event.previousForumId();
    }

    @EventSourcingHandler
    void on(ForumContinuedIn event) {
        continuedIn = event.nextForumId();
    }

    @EventSourcingHandler
    void on(DraftVersionAdded event) {
        latestDraftVersion = event.version();
        paragraphsPerVersion.put(event.version(), Paragraphs.count(event.text()));
    }

    @EventSourcingHandler
    void on(CommentSubmitted event) {
        commentCount++;
        comments.put(event.commentId(), new CommentState(event.heldForModeration() ? CommentStatus.HELD : CommentStatus.PUBLISHED,
                event.round(), false));
    }

    @EventSourcingHandler
    void on(PreModerationSwitched event) {
        preModeration = event.enabled();
    }

    @EventSourcingHandler
    void on(CommentApproved event) {
        comments.computeIfPresent(event.commentId(), (id, c) -> c.with(CommentStatus.PUBLISHED));
    }

    @EventSourcingHandler
    void on(CommentHidden event) {
        comments.computeIfPresent(event.commentId(), (id, c) -> c.with(CommentStatus.HIDDEN));
    }

    @EventSourcingHandler
    void on(CommentDisposed event) {
        comments.computeIfPresent(event.commentId(), (id, c) -> new CommentState(c.status(), c.round(), true));
    }

    @EventSourcingHandler
    void on(ConsultationDeadlineExtended event) {
        consultationClosesAt = event.closesAt();
    }

    @EventSourcingHandler
    void on(DiscussionStarted event) {
        stage = Stage.DISCUSSION;
    }

    @EventSourcingHandler
    void on(DraftingStarted event) {
        stage = Stage.DRAFTING;
    }

    @EventSourcingHandler
    void on(PublicConsultationOpened event) {
        stage = Stage.PUBLIC_CONSULTATION;
        round = 1;
        consultedVersion = event.draftVersion();
        consultationClosesAt = event.closesAt();
        commentCount = 0;
    }

    @EventSourcingHandler
    void on(SecondConsultationRoundOpened event) {
        stage = Stage.PUBLIC_CONSULTATION;
        round = event.round();
        consultedVersion = event.draftVersion();
        consultationClosesAt = event.closesAt();
        commentCount = 0;
    }

    @EventSourcingHandler
    void on(PublicConsultationClosed event) {
        stage = Stage.REVISION;
    }

    @EventSourcingHandler
    void on(RevisionCompleted event) {
        stage = Stage.PRESENTATION;
        revisedVersion = event.revisedVersion();
    }

    @EventSourcingHandler
    void on(AnnualMeetingSessionScheduled event) {
        scheduledSession = event.title();
    }

    @EventSourcingHandler
    void on(OutcomePresented event) {
        stage = Stage.CONCLUDED;
    }
}
