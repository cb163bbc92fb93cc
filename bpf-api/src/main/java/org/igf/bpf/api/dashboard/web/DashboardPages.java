package org.igf.bpf.api.dashboard.web;

import org.axonframework.modelling.command.ConcurrencyException;
import org.igf.bpf.api.dashboard.query.Board;
import org.igf.bpf.api.dashboard.query.DashboardForumView;
import org.igf.bpf.api.dashboard.query.DashboardForums;
import org.igf.bpf.api.forum.query.ForumHistory;
import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.forum.web.ForumNotFound;
import org.igf.bpf.api.forum.web.ForumPermissions;
import org.igf.bpf.api.security.Actors;
import org.igf.bpf.api.security.Roles;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StageConflict;
import org.igf.bpf.core.shared.RuleViolation;
import org.igf.bpf.workflow.lifecycle.ForumLifecycle;
import org.igf.bpf.workflow.lifecycle.StageInputs;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The dashboard pages: the board of a cycle at /, a forum at /forums/{id}, and the sign-in page.
 * Signed-in coordinators and the secretariat advance a forum from its page; a refusal is shown in the
 * page with the aggregate's reason (the same words as the API's problem+json detail).
 */
@Controller
public class DashboardPages {

    private final Board board;
    private final DashboardForums dashboardForums;
    private final ForumViews forumViews;
    private final ForumHistory history;
    private final ForumPermissions permissions;
    private final ForumLifecycle lifecycle;
    private final Clock clock;

    public DashboardPages(Board board, DashboardForums dashboardForums, ForumViews forumViews, ForumHistory history,
                          ForumPermissions permissions, ForumLifecycle lifecycle, Clock clock) {
        this.board = board;
        this.dashboardForums = dashboardForums;
        this.forumViews = forumViews;
        this.history = history;
        this.permissions = permissions;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @GetMapping("/")
    public String board(@RequestParam(required = false) Integer cycle, Authentication user, Model model) {
        model.addAttribute("board", board.of(cycle));
        model.addAttribute("user", signedIn(user));
        model.addAttribute("here", cycle == null ? "/" : "/?cycle=" + cycle);
        return "dashboard/board";
    }

    @GetMapping("/forums/{id}")
    public String forum(@PathVariable String id, Authentication user, Model model) {
        return forumPage(id, user, model);
    }

    @PostMapping("/forums/{id}/advance")
    public String advance(@PathVariable String id, @RequestParam Stage from,
                          @RequestParam(required = false) String consultationClosesAt,
                          @RequestParam(required = false) String presentedAt,
                          @RequestParam(required = false) String session,
                          Authentication user, RedirectAttributes redirect) {
        try {
            ForumId forumId = permissions.requireManage(id, user);
            StageInputs inputs = new StageInputs(utc(consultationClosesAt, "consultationClosesAt"), utc(presentedAt, "presentedAt"),
                    session == null || session.isBlank() ? null : session.strip());
            lifecycle.advance(forumId, from, inputs, Actors.of(user));
            Stage now = lifecycle.currentStage(forumId);
            redirect.addFlashAttribute("notice", "Moved from " + Board.title(from) + " to " + Board.title(now) + ".");
            return "redirect:/forums/" + id;
        } catch (RuleViolation e) {
            return refused(id, redirect, e.code(), e.getMessage());
        } catch (StageConflict e) {
            return refused(id, redirect, StageConflict.CODE, e.getMessage());
        } catch (ConcurrencyException e) {
            return refused(id, redirect, "forum.concurrent-change",
                    "Someone else changed this forum at the same moment. Reload it and try again.");
        } catch (AccessDeniedException e) {
            return refused(id, redirect, "auth.forbidden", e.getMessage());
        } catch (InvalidInput e) {
            return refused(id, redirect, "request.invalid-value", e.getMessage());
        }
    }

    @GetMapping("/login")
    public String login(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", DashboardSecurityConfiguration.safeNext(next));
        return "dashboard/login";
    }

    /** Back to the forum's page (post/redirect/get, as after a success), which shows why it did not move. */
    private static String refused(String id, RedirectAttributes redirect, String code, String detail) {
        redirect.addFlashAttribute("problem", new Refusal(code, detail));
        return "redirect:/forums/" + id;
    }

    private String forumPage(String id, Authentication user, Model model) {
        DashboardForumView forum = dashboardForums.find(id).orElseThrow(() -> new ForumNotFound(id));
        Instant now = clock.instant();
        Authentication signedIn = signedIn(user);
        model.addAttribute("card", board.card(forum, now));
        model.addAttribute("forum", forum);
        model.addAttribute("detail", forumViews.find(new ForumId(id)).orElseThrow(() -> new ForumNotFound(id)));
        model.addAttribute("timeline", TimelineView.of(forum, now));
        model.addAttribute("user", signedIn);
        model.addAttribute("here", "/forums/" + forum.id());
        model.addAttribute("canAdvance", signedIn != null && forum.stage() != Stage.CONCLUDED
                && (Roles.isSecretariat(signedIn) || forum.coordinators().contains(signedIn.getName())));
        model.addAttribute("history", signedIn != null && Roles.isSecretariat(signedIn) ? history.of(new ForumId(id)) : null);
        return "dashboard/forum";
    }

    private static Authentication signedIn(Authentication user) {
        return user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated() ? null : user;
    }

    /** A date-time field of the form (the browser's datetime-local, read as UTC) or an ISO instant. */
    private static Instant utc(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("Field '" + field + "' cannot be " + value + "; give a date and time such as 2015-10-01T12:00.");
        }
    }

    /** Why the forum did not move, as the page shows it. */
    public record Refusal(String code, String detail) implements java.io.Serializable {
    }

    private static final class InvalidInput extends RuntimeException {
        InvalidInput(String message) {
            super(message);
        }
    }
}
