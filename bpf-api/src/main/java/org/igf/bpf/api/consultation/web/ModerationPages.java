package org.igf.bpf.api.consultation.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.api.forum.query.ForumView.CommentStatus;
import org.igf.bpf.api.forum.query.ForumView.CommentView;
import org.igf.bpf.api.forum.web.ForumPermissions;
import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.forum.web.ForumNotFound;
import org.igf.bpf.api.security.Actors;
import org.igf.bpf.core.forum.ApproveComment;
import org.igf.bpf.core.forum.Disposition;
import org.igf.bpf.core.forum.DisposeComment;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.HideComment;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.shared.RuleViolation;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pages of the forum's secretariat and coordinators (the pages security chain lets no one else
 * in): the moderation queue, where each waiting comment is approved or hidden with a reason, one by
 * one or many at once; and during the revision, the dispositions, where each published comment gets
 * its disposition and a note. Every action is the API's command, sent as the signed-in user.
 */
@Controller
public class ModerationPages {

    private final ForumViews views;
    private final ForumPermissions permissions;
    private final CommandGateway commands;
    private final Clock clock;

    public ModerationPages(ForumViews views, ForumPermissions permissions, CommandGateway commands, Clock clock) {
        this.views = views;
        this.permissions = permissions;
        this.commands = commands;
        this.clock = clock;
    }

    /** A comment waiting for moderation, with the other comments of the same author on this forum. */
    public record WaitingComment(CommentView comment, List<CommentView> others) {
    }

    @GetMapping("/forums/{id}/moderation")
    public String moderation(@PathVariable String id, Authentication user, Model model) {
        ForumView forum = managed(id, user);
        Map<String, List<CommentView>> byAuthor = forum.comments().stream()
                .collect(Collectors.groupingBy(c -> authorKey(c.author())));
        List<WaitingComment> waiting = forum.comments().stream()
                .filter(c -> c.status() == CommentStatus.HELD_FOR_MODERATION)
                .sorted(Comparator.comparing(CommentView::submittedAt))
                .map(c -> new WaitingComment(c, byAuthor.get(authorKey(c.author())).stream()
                        .filter(other -> !other.id().equals(c.id())).toList()))
                .toList();
        model.addAttribute("forum", forum);
        model.addAttribute("waiting", waiting);
        model.addAttribute("published", forum.comments().stream().filter(c -> c.status() == CommentStatus.PUBLISHED).count());
        model.addAttribute("hidden", forum.comments().stream().filter(c -> c.status() == CommentStatus.HIDDEN).count());
        model.addAttribute("user", user);
        return "consultation/moderation";
    }

    @PostMapping("/forums/{id}/moderation/{commentId}/approve")
    public String approve(@PathVariable String id, @PathVariable String commentId, Authentication user, RedirectAttributes redirect) {
        ForumId forumId = permissions.requireManage(id, user);
        return moderated(id, redirect, () -> commands.sendAndWait(new ApproveComment(forumId, commentId, Actors.of(user), clock.instant())),
                "Approved: the comment is published.");
    }

    @PostMapping("/forums/{id}/moderation/{commentId}/hide")
    public String hide(@PathVariable String id, @PathVariable String commentId, @RequestParam(required = false) String reason,
                       Authentication user, RedirectAttributes redirect) {
        ForumId forumId = permissions.requireManage(id, user);
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("reasonMissing", commentId);
            redirect.addFlashAttribute("problem", "Hiding a comment needs a reason.");
            return "redirect:/forums/" + id + "/moderation"; // no fragment, so that autofocus takes the reason field
        }
        return moderated(id, redirect, () -> commands.sendAndWait(new HideComment(forumId, commentId, reason.strip(), Actors.of(user),
                clock.instant())), "Hidden: the comment stays out of the public page.");
    }

    /** Many comments at once (a flood): each is approved or hidden with the same reason; refusals are listed. */
    @PostMapping("/forums/{id}/moderation/bulk")
    public String bulk(@PathVariable String id, @RequestParam(required = false) List<String> commentIds, @RequestParam String action,
                       @RequestParam(required = false) String reason, Authentication user, RedirectAttributes redirect) {
        ForumId forumId = permissions.requireManage(id, user);
        String back = "redirect:/forums/" + id + "/moderation";
        if (commentIds == null || commentIds.isEmpty()) {
            redirect.addFlashAttribute("problem", "Select the comments first.");
            return back;
        }
        boolean hide = "hide".equals(action);
        if (hide && (reason == null || reason.isBlank())) {
            redirect.addFlashAttribute("bulkReasonMissing", true);
            redirect.addFlashAttribute("problem", "Hiding comments needs a reason.");
            return back;
        }
        int done = 0;
        List<String> refused = new ArrayList<>();
        for (String commentId : commentIds) {
            try {
                commands.sendAndWait(hide ? new HideComment(forumId, commentId, reason.strip(), Actors.of(user), clock.instant())
                        : new ApproveComment(forumId, commentId, Actors.of(user), clock.instant()));
                done++;
            } catch (RuleViolation | ConcurrencyException e) {
                refused.add(e.getMessage());
            }
        }
        redirect.addFlashAttribute("notice", (hide ? "Hidden: " : "Approved: ") + done + (done == 1 ? " comment." : " comments."));
        if (!refused.isEmpty()) {
            redirect.addFlashAttribute("problem", String.join(" ", refused));
        }
        return back;
    }

    @GetMapping("/forums/{id}/dispositions")
    public String dispositions(@PathVariable String id, Authentication user, Model model) {
        ForumView forum = managed(id, user);
        List<CommentView> published = forum.comments().stream()
                .filter(c -> c.status() == CommentStatus.PUBLISHED)
                .filter(c -> forum.consultation() == null || c.round() == forum.consultation().round())
                .sorted(Comparator.comparing((CommentView c) -> c.paragraph() == null ? 0 : c.paragraph())
                        .thenComparing(CommentView::submittedAt))
                .toList();
        model.addAttribute("forum", forum);
        model.addAttribute("page", ConsultationPage.of(forum, clock.instant()));
        model.addAttribute("comments", published);
        model.addAttribute("remaining", published.stream().filter(c -> c.disposition() == null).count());
        model.addAttribute("waiting", forum.comments().stream().filter(c -> c.status() == CommentStatus.HELD_FOR_MODERATION).count());
        model.addAttribute("inRevision", forum.stage() == Stage.REVISION);
        model.addAttribute("user", user);
        return "consultation/dispositions";
    }

    @PostMapping("/forums/{id}/dispositions/{commentId}")
    public String dispose(@PathVariable String id, @PathVariable String commentId, @RequestParam(required = false) String disposition,
                          @RequestParam(required = false) String note, Authentication user, RedirectAttributes redirect) {
        ForumId forumId = permissions.requireManage(id, user);
        Disposition kind = disposition(disposition);
        if (kind == null || note == null || note.isBlank()) {
            redirect.addFlashAttribute("failedComment", commentId);
            redirect.addFlashAttribute("failedNote", note);
            redirect.addFlashAttribute("failedDisposition", disposition);
            redirect.addFlashAttribute("problem", kind == null ? "Choose a disposition." : "A disposition needs a note.");
            return "redirect:/forums/" + id + "/dispositions"; // no fragment, so that autofocus takes the note field
        }
        try {
            commands.sendAndWait(new DisposeComment(forumId, commentId, kind, note.strip(), Actors.of(user), clock.instant()));
            redirect.addFlashAttribute("notice", "Saved the disposition.");
        } catch (RuleViolation | ConcurrencyException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/forums/" + id + "/dispositions#comment-" + commentId;
    }

    private String moderated(String id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (RuleViolation | ConcurrencyException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/forums/" + id + "/moderation";
    }

    /** For the pages that only show: the forum as the access checks of this request read it (one fold, not two). */
    private ForumView managed(String id, Authentication user) {
        ForumId forumId = permissions.requireManage(id, user);
        return views.findBeforeChanges(forumId).orElseThrow(() -> new ForumNotFound(id));
    }

    private static Disposition disposition(String value) {
        try {
            return value == null || value.isBlank() ? null : Disposition.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String authorKey(String author) {
        return author.strip().toLowerCase(Locale.ROOT);
    }
}
