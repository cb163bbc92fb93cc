package org.igf.bpf.api.forum.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.igf.bpf.api.comment.CommentSubmission;
import org.igf.bpf.api.forum.query.ForumHistory;
import org.igf.bpf.api.forum.query.ForumSummary;
import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.forum.query.HistoryEntry;
import org.igf.bpf.api.forum.query.DraftDiff;
import org.igf.bpf.api.forum.web.ForumRequests.AddDraftRequest;
import org.igf.bpf.api.forum.web.ForumRequests.CoordinatorRequest;
import org.igf.bpf.api.forum.web.ForumRequests.DispositionRequest;
import org.igf.bpf.api.forum.web.ForumRequests.ExpertLeavesRequest;
import org.igf.bpf.api.forum.web.ForumRequests.ExtendConsultationRequest;
import org.igf.bpf.api.forum.web.ForumRequests.HideCommentRequest;
import org.igf.bpf.api.forum.web.ForumRequests.MailingListRequest;
import org.igf.bpf.api.forum.web.ForumRequests.MeetingRequest;
import org.igf.bpf.api.forum.web.ForumRequests.ModerationRequest;
import org.igf.bpf.api.forum.web.ForumRequests.SessionRequest;
import org.igf.bpf.api.forum.web.ForumRequests.StepDownRequest;
import org.igf.bpf.api.forum.web.ForumRequests.VolunteerRequest;
import org.igf.bpf.api.forum.web.ForumRequests.AdvanceRequest;
import org.igf.bpf.api.forum.web.ForumRequests.CreateForumRequest;
import org.igf.bpf.api.forum.web.ForumRequests.RegisterExpertRequest;
import org.igf.bpf.api.forum.web.ForumRequests.SubmitCommentRequest;
import org.igf.bpf.api.security.Actors;
import org.igf.bpf.api.security.Roles;
import org.springframework.security.access.AccessDeniedException;
import org.igf.bpf.core.forum.AddDraftVersion;
import org.igf.bpf.core.forum.AppointCoordinator;
import org.igf.bpf.core.forum.ApproveComment;
import org.igf.bpf.core.forum.DisposeComment;
import org.igf.bpf.core.forum.HideComment;
import org.igf.bpf.core.forum.RecordVirtualMeeting;
import org.igf.bpf.core.forum.ScheduleAnnualMeetingSession;
import org.igf.bpf.core.forum.SetMailingList;
import org.igf.bpf.core.forum.StepDownCoordinator;
import org.igf.bpf.core.forum.SwitchPreModeration;
import org.igf.bpf.core.forum.VolunteerAsCoordinator;
import org.igf.bpf.core.forum.WithdrawExpert;
import org.igf.bpf.core.forum.CreateForum;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.RegisterExpert;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.workflow.lifecycle.ForumLifecycle;
import org.igf.bpf.workflow.lifecycle.StageInputs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The forum endpoints: open a forum (possibly as the continuation of last cycle's), coordinators and
 * experts, mailing list and meetings, drafts and their diff, comments and their moderation and
 * dispositions, consultation extension, session, advance, read, audit.
 */
@RestController
@RequestMapping("/api/forums")
public class ForumController {

    private final ForumLifecycle lifecycle;
    private final CommandGateway commands;
    private final ForumViews views;
    private final ForumHistory history;
    private final ForumPermissions permissions;
    private final Clock clock;
    private final CommentSubmission submission;

    public ForumController(ForumLifecycle lifecycle, CommandGateway commands, ForumViews views, ForumHistory history,
                           ForumPermissions permissions, Clock clock, CommentSubmission submission) {
        this.submission = submission;
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.views = views;
        this.history = history;
        this.permissions = permissions;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<ForumView> create(@Valid @RequestBody CreateForumRequest request, Authentication user) {
        CreateForum command = new CreateForum(ForumId.random(), request.cycle(), request.topic(), request.coordinatorsOrNone(),
                request.coordinatorDetailsOrNone(), Actors.of(user), clock.instant());
        ForumId id = request.continuesFrom() == null ? lifecycle.open(command)
                : lifecycle.openAsContinuation(command, new ForumId(request.continuesFrom()));
        return ResponseEntity.created(URI.create("/api/forums/" + id.value())).body(forum(id));
    }

    @GetMapping
    public List<ForumSummary> list(@RequestParam(required = false) Integer cycle) {
        return views.list(cycle);
    }

    /** The public sees published comments only; the secretariat and the forum's coordinators see every comment. */
    @GetMapping("/{id}")
    public ForumView get(@PathVariable String id, Authentication user) {
        ForumView forum = forum(new ForumId(id));
        return permissions.mayManage(forum, user) ? forum : forum.forPublic();
    }

    @GetMapping("/{id}/comments")
    public List<ForumView.CommentView> comments(@PathVariable String id, Authentication user) {
        return get(id, user).comments();
    }

    @PostMapping("/{id}/experts")
    public ResponseEntity<ForumView.ExpertView> registerExpert(@PathVariable String id,
                                                               @Valid @RequestBody RegisterExpertRequest request,
                                                               Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        Instant now = clock.instant();
        commands.sendAndWait(new RegisterExpert(forumId, request.name().strip(), request.stakeholderGroup(),
                request.organisation() == null ? null : request.organisation().strip(), Actors.of(user), now));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new ForumView.ExpertView(request.name().strip(), request.stakeholderGroup(), request.organisation(), now));
    }

    @PostMapping("/{id}/drafts")
    public ResponseEntity<ForumView.DraftView> addDraft(@PathVariable String id, @Valid @RequestBody AddDraftRequest request,
                                                        Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        int version = commands.sendAndWait(new AddDraftVersion(forumId, request.title().strip(), request.text(), request.author(),
                Boolean.TRUE.equals(request.secretariatSupported()), Actors.of(user), clock.instant()));
        ForumView.DraftView draft = forum(forumId).drafts().get(version - 1);
        return ResponseEntity.created(URI.create("/api/forums/" + id + "/drafts/" + version)).body(draft);
    }

    @GetMapping("/{id}/drafts/{version}")
    public ForumView.DraftView draft(@PathVariable String id, @PathVariable int version) {
        List<ForumView.DraftView> drafts = forum(new ForumId(id)).drafts();
        if (version < 1 || version > drafts.size()) {
            throw new DraftNotFound(id, version);
        }
        return drafts.get(version - 1);
    }

    /**
     * Anyone may comment while the consultation is open, signed in or not; the public and experts
     * are rate-limited per client. A retry with the same {@code Idempotency-Key} is answered by the
     * IdempotencyFilter without a second comment.
     */
    @PostMapping("/{id}/comments")
    public ResponseEntity<Map<String, Object>> comment(@PathVariable String id, @Valid @RequestBody SubmitCommentRequest request,
                                                       HttpServletRequest http, Authentication user) {
        ForumId forumId = new ForumId(id); // an unknown forum is refused by the command bus (404)
        CommentSubmission.Submitted submitted = submission.submit(forumId, request.paragraph(), request.author(),
                request.stakeholderGroup(), request.organisation(), request.email(), request.text(), http, user);
        String commentId = submitted.id();
        Instant now = submitted.submittedAt();
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("id", commentId);
        answer.put("forumId", id);
        answer.put("author", request.author().strip());
        answer.put("paragraph", request.paragraph() == null ? "document" : request.paragraph());
        answer.put("submittedAt", now);
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @PostMapping("/{id}/advance")
    public ForumView advance(@PathVariable String id, @Valid @RequestBody AdvanceRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        Actor actor = Actors.of(user);
        lifecycle.advance(forumId, request.from(),
                new StageInputs(request.consultationClosesAt(), request.presentedAt(), request.session(), request.draftVersion(),
                        Boolean.TRUE.equals(request.secondRound()), request.publishedVersion(), request.publishedAt(), clock.instant()),
                actor);
        return forum(forumId);
    }

    @GetMapping("/{id}/drafts/{from}/diff/{to}")
    public DraftDiff diff(@PathVariable String id, @PathVariable int from, @PathVariable int to) {
        ForumView.DraftView a = draft(id, from);
        ForumView.DraftView b = draft(id, to);
        return DraftDiff.between(a.version(), a.text(), b.version(), b.text());
    }

    /** Appointing coordinators is the secretariat's (on behalf of the MAG). */
    @PostMapping("/{id}/coordinators")
    public ResponseEntity<ForumView> appointCoordinator(@PathVariable String id, @Valid @RequestBody CoordinatorRequest request,
                                                        Authentication user) {
        if (!Roles.isSecretariat(user)) {
            throw new AccessDeniedException("Only the secretariat appoints coordinators.");
        }
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new AppointCoordinator(forumId, request.toCoordinator(), Actors.of(user), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(forum(forumId));
    }

    /** A MAG member answers the open call; any signed-in user may volunteer (the secretariat still appoints). */
    @PostMapping("/{id}/coordinators/volunteers")
    public ResponseEntity<ForumView> volunteer(@PathVariable String id, @Valid @RequestBody VolunteerRequest request,
                                               Authentication user) {
        ForumId forumId = new ForumId(id); // an unknown forum is refused by the command bus (404)
        String account = Roles.isSecretariat(user) ? request.account() : user.getName();
        commands.sendAndWait(new VolunteerAsCoordinator(forumId, request.name(), account, Actors.of(user), clock.instant()));
        ForumView forum = forum(forumId);
        return ResponseEntity.status(HttpStatus.CREATED).body(permissions.mayManage(forum, user) ? forum : forum.forPublic());
    }

    @PostMapping("/{id}/coordinators/step-down")
    public ForumView stepDown(@PathVariable String id, @Valid @RequestBody StepDownRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new StepDownCoordinator(forumId, request.name().strip(), request.reason(), Actors.of(user), clock.instant()));
        return forum(forumId);
    }

    @PostMapping("/{id}/experts/leave")
    public ForumView expertLeaves(@PathVariable String id, @Valid @RequestBody ExpertLeavesRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new WithdrawExpert(forumId, request.name().strip(), request.reason(), Actors.of(user), clock.instant()));
        return forum(forumId);
    }

    @PostMapping("/{id}/mailing-list")
    public ForumView mailingList(@PathVariable String id, @Valid @RequestBody MailingListRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new SetMailingList(forumId, request.address(), Actors.of(user), clock.instant()));
        return forum(forumId);
    }

    @PostMapping("/{id}/meetings")
    public ResponseEntity<ForumView> meeting(@PathVariable String id, @Valid @RequestBody MeetingRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new RecordVirtualMeeting(forumId, request.heldOn(), request.attendeeCount(), request.summary(),
                request.notesLink(), Actors.of(user), clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(forum(forumId));
    }

    /** Moves the consultation deadline later; the BPMN deadline timer moves with it in the same transaction. */
    @PostMapping("/{id}/consultation/extend")
    public ForumView extend(@PathVariable String id, @Valid @RequestBody ExtendConsultationRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        lifecycle.extendConsultation(forumId, request.closesAt(), request.reason(), Actors.of(user), clock.instant());
        return forum(forumId);
    }

    @PostMapping("/{id}/moderation")
    public ForumView moderation(@PathVariable String id, @Valid @RequestBody ModerationRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new SwitchPreModeration(forumId, request.preModeration(), Actors.of(user), clock.instant()));
        return forum(forumId);
    }

    @PostMapping("/{id}/comments/{commentId}/approve")
    public ForumView.CommentView approve(@PathVariable String id, @PathVariable String commentId, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new ApproveComment(forumId, commentId, Actors.of(user), clock.instant()));
        return comment(forumId, commentId);
    }

    @PostMapping("/{id}/comments/{commentId}/hide")
    public ForumView.CommentView hide(@PathVariable String id, @PathVariable String commentId,
                                      @Valid @RequestBody HideCommentRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new HideComment(forumId, commentId, request.reason(), Actors.of(user), clock.instant()));
        return comment(forumId, commentId);
    }

    @PostMapping("/{id}/comments/{commentId}/disposition")
    public ForumView.CommentView dispose(@PathVariable String id, @PathVariable String commentId,
                                         @Valid @RequestBody DispositionRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new DisposeComment(forumId, commentId, request.disposition(), request.note(), Actors.of(user),
                clock.instant()));
        return comment(forumId, commentId);
    }

    @PostMapping("/{id}/session")
    public ForumView session(@PathVariable String id, @Valid @RequestBody SessionRequest request, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        commands.sendAndWait(new ScheduleAnnualMeetingSession(forumId, request.title(), request.startsAt(), request.roomOrLink(),
                Actors.of(user), clock.instant()));
        return forum(forumId);
    }

    @GetMapping("/{id}/history")
    public List<HistoryEntry> history(@PathVariable String id) {
        List<HistoryEntry> entries = history.of(new ForumId(id));
        if (entries.isEmpty()) {
            throw new ForumNotFound(id);
        }
        return entries;
    }

    private ForumView.CommentView comment(ForumId forumId, String commentId) {
        return forum(forumId).comments().stream().filter(c -> c.id().equals(commentId)).findFirst().orElseThrow();
    }

    private ForumView forum(ForumId id) {
        return views.findAfterChanges(id).orElseThrow(() -> new ForumNotFound(id.value()));
    }
}
