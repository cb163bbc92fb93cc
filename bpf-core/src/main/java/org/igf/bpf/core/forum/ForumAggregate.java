package org.igf.bpf.core.forum;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.igf.bpf.core.shared.RuleViolation;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One Best Practice Forum. Decides whether each step is allowed (the gates) and records every
 * change as an event. The order of stages and the waiting between them belong to the BPMN
 * process; this class only answers "may this happen now?".
 */
public class ForumAggregate {

    @AggregateIdentifier
    private ForumId forumId;
    private Stage stage;
    private final Map<StakeholderGroup, Integer> expertsPerGroup = new EnumMap<>(StakeholderGroup.class);
    private final Map<Integer, Integer> paragraphsPerVersion = new HashMap<>();
    private int latestDraftVersion;
    private int consultedVersion;
    private Instant consultationClosesAt;
    private int commentCount;

    /** Required by Axon to rebuild the aggregate from its events. */
    protected ForumAggregate() {
    }

    @CommandHandler
    public ForumAggregate(CreateForum command) {
        if (command.topic() == null || command.topic().isBlank()) {
            throw new RuleViolation("forum.topic-required", "A forum needs a topic.");
        }
        apply(new ForumCreated(command.forumId(), command.cycle(), command.topic().strip(),
                command.coordinators(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(RegisterExpert command) {
        refuseWhenConcluded();
        apply(new ExpertRegistered(forumId, command.name(), command.stakeholderGroup(),
                command.organisation(), command.by(), command.at()));
    }

    @CommandHandler
    public int handle(AddDraftVersion command) {
        refuseWhenConcluded();
        if (Paragraphs.count(command.text()) == 0) {
            throw new RuleViolation("draft.text-required", "A draft version needs some text.");
        }
        int version = latestDraftVersion + 1;
        apply(new DraftVersionAdded(forumId, version, command.title(), command.text(), command.by(), command.at()));
        return version;
    }

    @CommandHandler
    public void handle(SubmitComment command) {
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
                command.text(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(StartDiscussion command, ForumGates gates) {
        expectToLeave(command, Stage.EXPERT_RECRUITMENT);
        int experts = expertsPerGroup.values().stream().mapToInt(Integer::intValue).sum();
        if (experts < gates.minExperts()) {
            throw new RuleViolation("recruitment.too-few-experts", "Expert recruitment needs at least "
                    + gates.minExperts() + " experts before the discussion starts; the forum has " + experts + ".");
        }
        if (expertsPerGroup.size() < gates.minStakeholderGroups()) {
            throw new RuleViolation("recruitment.too-few-stakeholder-groups", "Expert recruitment needs experts from at least "
                    + gates.minStakeholderGroups() + " stakeholder groups; the forum has " + expertsPerGroup.size() + ".");
        }
        apply(new DiscussionStarted(forumId, experts, expertsPerGroup.size(), command.by(), command.at()));
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
        if (command.closesAt() == null || !command.closesAt().isAfter(command.at())) {
            throw new RuleViolation("consultation.deadline-not-in-future",
                    "The consultation deadline must lie in the future (it was " + command.closesAt() + ").");
        }
        apply(new PublicConsultationOpened(forumId, latestDraftVersion, command.closesAt(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(ClosePublicConsultation command) {
        expectToLeave(command, Stage.PUBLIC_CONSULTATION);
        if (command.at().isBefore(consultationClosesAt)) {
            throw new RuleViolation("consultation.open-until-deadline", "The public consultation stays open until its deadline, "
                    + consultationClosesAt + "; it closes by itself then.");
        }
        apply(new PublicConsultationClosed(forumId, consultedVersion, commentCount, command.by(), command.at()));
    }

    @CommandHandler
    public void handle(CompleteRevision command) {
        expectToLeave(command, Stage.REVISION);
        if (latestDraftVersion <= consultedVersion) {
            throw new RuleViolation("revision.needs-newer-draft", "The revision needs a draft version newer than version "
                    + consultedVersion + ", the one consulted on.");
        }
        apply(new RevisionCompleted(forumId, latestDraftVersion, command.by(), command.at()));
    }

    @CommandHandler
    public void handle(RecordPresentation command) {
        expectToLeave(command, Stage.PRESENTATION);
        if (command.presentedAt() == null || command.session() == null || command.session().isBlank()) {
            throw new RuleViolation("presentation.details-required",
                    "Recording the presentation needs the date it was presented and the annual meeting session.");
        }
        apply(new OutcomePresented(forumId, command.presentedAt(), command.session().strip(), command.by(), command.at()));
    }

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

    private void refuseWhenConcluded() {
        if (stage == Stage.CONCLUDED) {
            throw new RuleViolation("forum.concluded", "The forum is concluded; its record is closed.");
        }
    }

    @EventSourcingHandler
    void on(ForumCreated event) {
        forumId = event.forumId();
        stage = Stage.EXPERT_RECRUITMENT;
    }

    @EventSourcingHandler
    void on(ExpertRegistered event) {
        expertsPerGroup.merge(event.stakeholderGroup(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(DraftVersionAdded event) {
        latestDraftVersion = event.version();
        paragraphsPerVersion.put(event.version(), Paragraphs.count(event.text()));
    }

    @EventSourcingHandler
    void on(CommentSubmitted event) {
        commentCount++;
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
    }

    @EventSourcingHandler
    void on(OutcomePresented event) {
        stage = Stage.CONCLUDED;
    }
}
