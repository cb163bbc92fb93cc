package org.igf.bpf.api.forum.query;

import org.igf.bpf.core.forum.Coordinator;
import org.igf.bpf.core.forum.Disposition;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A forum as people read it: its stage and when it entered it, its coordinators, experts and their
 * balance over stakeholder groups, mailing list and meetings, draft versions, consultation (rounds,
 * extensions, moderation), comments with their dispositions, session, presentation and published
 * outcome, the stages it went through, and its links to last and next cycle's forums. Folded from
 * the forum's events; the same fold feeds the read table. {@code volunteers} answer the open call
 * for MAG volunteers until they are appointed.
 *
 * <p>{@code coordinators} holds the account user names of the coordinators (who may act on the
 * forum); {@code coordinatorDetails} describes every coordinator, with or without an account.
 * {@code comments} holds every comment; the public sees only published ones ({@link #forPublic()}).
 */
public record ForumView(
        String id,
        int cycle,
        String topic,
        Stage stage,
        Instant stageEnteredAt,
        Instant createdAt,
        List<String> coordinators,
        List<ExpertView> experts,
        Map<StakeholderGroup, Integer> stakeholderBalance,
        List<DraftView> drafts,
        ConsultationView consultation,
        PresentationView presentation,
        List<StageVisit> stages,
        long version,
        List<Coordinator> coordinatorDetails,
        boolean openCallForCoordinators,
        ForumLink continuesFrom,
        ForumLink continuedIn,
        MailingListView mailingList,
        List<MeetingView> meetings,
        boolean preModeration,
        List<CommentView> comments,
        SessionView session,
        OutcomeView outcome,
        List<VolunteerView> volunteers) {

    public ForumView {
        volunteers = volunteers == null ? List.of() : volunteers;
        coordinatorDetails = coordinatorDetails == null ? List.of() : coordinatorDetails;
        meetings = meetings == null ? List.of() : meetings;
        comments = comments == null ? List.of() : comments;
    }

    /** The forum as the public sees it: only published comments, no moderation notes. */
    public ForumView forPublic() {
        return withComments(comments.stream().filter(c -> c.status() == CommentStatus.PUBLISHED).toList());
    }

    /**
     * The forum without its comments (their count stays in {@code consultation}): what the forum list
     * needs, without the text of every comment of a consultation.
     */
    public ForumView withoutComments() {
        return withComments(List.of());
    }

    private ForumView withComments(List<CommentView> shown) {
        return new ForumView(id, cycle, topic, stage, stageEnteredAt, createdAt, coordinators, experts, stakeholderBalance, drafts,
                consultation, presentation, stages, version, coordinatorDetails, openCallForCoordinators, continuesFrom, continuedIn,
                mailingList, meetings, preModeration, shown, session, outcome, volunteers);
    }

    public record ExpertView(String name, StakeholderGroup stakeholderGroup, String organisation, Instant registeredAt) {
    }

    public record DraftView(int version, String title, String text, int paragraphs, String addedBy, Instant addedAt,
                            String author, boolean secretariatSupported) {
    }

    /**
     * The current (or last) consultation round. {@code closedAt} is null while it is open;
     * {@code commentCount} counts the comments received in this round, whatever their moderation.
     */
    public record ConsultationView(int draftVersion, Instant openedAt, Instant closesAt, Instant closedAt, int commentCount,
                                   int round, List<ExtensionView> extensions) {

        public ConsultationView {
            round = Math.max(round, 1);
            extensions = extensions == null ? List.of() : extensions;
        }
    }

    public record ExtensionView(Instant previousClosesAt, Instant closesAt, String reason, String by, Instant at) {
    }

    public record PresentationView(Instant presentedAt, String session) {
    }

    public record StageVisit(Stage stage, Instant enteredAt, String by) {
    }

    /** A forum of another cycle this one continues from, or is continued in. */
    public record ForumLink(String id, int cycle, String topic) {
    }

    /** {@code reactivatedFrom} names last cycle's forum whose list was reactivated. */
    public record MailingListView(String address, String reactivatedFrom) {
    }

    public record MeetingView(LocalDate heldOn, int attendeeCount, String summary, String notesLink, String recordedBy) {
    }

    public enum CommentStatus { HELD_FOR_MODERATION, PUBLISHED, HIDDEN }

    public record CommentView(String id, int round, int draftVersion, Integer paragraph, String author,
                              StakeholderGroup stakeholderGroup, String organisation, String text, Instant submittedAt,
                              CommentStatus status, String hiddenReason, Disposition disposition, String dispositionNote) {
    }

    /** A MAG member who volunteered to coordinate, not (yet) appointed. */
    public record VolunteerView(String name, String account, Instant volunteeredAt) {
    }

    public record SessionView(String title, Instant startsAt, String roomOrLink) {
    }

    public record OutcomeView(int version, Instant publishedAt) {
    }
}
