package org.igf.bpf.api.consultation.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.igf.bpf.api.comment.CommentRateLimiter.TooManyComments;
import org.igf.bpf.api.comment.CommentSubmission;
import org.igf.bpf.api.dashboard.web.DashboardText;
import org.igf.bpf.api.forum.query.DraftDiff;
import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.api.forum.query.ForumView.CommentStatus;
import org.igf.bpf.api.forum.query.ForumView.CommentView;
import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.forum.web.ForumNotFound;
import org.igf.bpf.api.forum.web.ForumPermissions;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.shared.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The public consultation page of a forum: the consulted draft paragraph by paragraph with its
 * published comments and a form to comment on each paragraph or on the whole document, and after the
 * revision what became of each comment, with the revised version's paragraph diff.
 *
 * <p>Forms post and redirect back with a message (post/redirect/get), so the page works without
 * JavaScript; consultation.js posts the same forms with {@code X-Requested-With: fetch} and is
 * answered in JSON instead, without a reload. Comments go through {@link CommentSubmission}, as from
 * the API: the same rate limit, the same command, the same pre-moderation.
 */
@Controller
public class ConsultationPages {

    static final String FETCH_HEADER = "X-Requested-With";

    private final ForumViews views;
    private final ForumPermissions permissions;
    private final CommentSubmission submission;
    private final DashboardText text;
    private final Clock clock;

    public ConsultationPages(ForumViews views, ForumPermissions permissions, CommentSubmission submission, DashboardText text,
                             Clock clock) {
        this.text = text;
        this.views = views;
        this.permissions = permissions;
        this.submission = submission;
        this.clock = clock;
    }

    @GetMapping("/forums/{id}/consultation")
    public String consultation(@PathVariable String id, Authentication user, Model model) {
        ForumView forum = forum(id);
        boolean staff = permissions.mayManage(forum, signedIn(user));
        model.addAttribute("page", ConsultationPage.of(forum.forPublic(), clock.instant()));
        model.addAttribute("user", signedIn(user));
        model.addAttribute("staff", staff);
        model.addAttribute("waiting", staff ? forum.comments().stream().filter(c -> c.status() == CommentStatus.HELD_FOR_MODERATION).count() : 0);
        model.addAttribute("here", "/forums/" + id + "/consultation");
        return "consultation/consultation";
    }

    /** The revised version against the consulted one, paragraph by paragraph. */
    @GetMapping("/forums/{id}/consultation/revision")
    public String revision(@PathVariable String id, Authentication user, Model model) {
        ForumView forum = forum(id);
        ConsultationPage page = ConsultationPage.of(forum.forPublic(), clock.instant());
        if (page.revision() == null) {
            return "redirect:/forums/" + id + "/consultation";
        }
        model.addAttribute("page", page);
        model.addAttribute("diff", DraftDiff.between(page.draft().version(), page.draft().text(), page.revision().version(),
                page.revision().text()));
        model.addAttribute("user", signedIn(user));
        model.addAttribute("here", "/forums/" + id + "/consultation/revision");
        return "consultation/revision";
    }

    @PostMapping("/forums/{id}/consultation/comments")
    public Object comment(@PathVariable String id, @RequestParam(required = false) Integer paragraph,
                          @RequestParam(required = false) String author, @RequestParam(required = false) String organisation,
                          @RequestParam(required = false) String stakeholderGroup, @RequestParam(required = false) String email,
                          @RequestParam(required = false) String text, HttpServletRequest http, Authentication user,
                          RedirectAttributes redirect) {
        boolean fetch = "fetch".equals(http.getHeader(FETCH_HEADER));
        CommentForm form = CommentForm.of(paragraph, author, organisation, stakeholderGroup, email, text);
        String back = "redirect:/forums/" + id + "/consultation#" + (paragraph == null ? "document" : "paragraph-" + paragraph);
        if (!form.valid()) {
            if (fetch) {
                return answer(HttpStatus.UNPROCESSABLE_ENTITY, "invalid", "Your comment was not sent; see the fields marked.", form, null);
            }
            redirect.addFlashAttribute("failed", form);
            redirect.addFlashAttribute("problem", "Your comment was not sent; see the fields marked.");
            // no fragment: browsers skip autofocus on a page addressed with one, and the first field in error takes the focus
            return "redirect:/forums/" + id + "/consultation";
        }
        try {
            CommentSubmission.Submitted submitted = submission.submit(new ForumId(id), paragraph, author, form.group(),
                    organisation, form.emailOrNull(), text, http, user);
            CommentView comment = forum(id).comments().stream().filter(c -> c.id().equals(submitted.id())).findFirst().orElseThrow();
            boolean held = comment.status() == CommentStatus.HELD_FOR_MODERATION;
            String message = held ? "Thank you. Your comment awaits moderation; it appears here once a moderator approves it."
                    : "Thank you. Your comment is published.";
            if (fetch) {
                return answer(HttpStatus.CREATED, held ? "held" : "published", message, form, comment);
            }
            redirect.addFlashAttribute("notice", message);
            return back;
        } catch (TooManyComments e) {
            return refused(fetch, redirect, back, form, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many comments, try again in " + e.retryAfterSeconds() + " s. Your text is kept below.");
        } catch (RuleViolation e) {
            return refused(fetch, redirect, back, form, HttpStatus.CONFLICT, e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw new ForumNotFound(id);
        }
    }

    private Object refused(boolean fetch, RedirectAttributes redirect, String back, CommentForm form, HttpStatus status,
                                  String message) {
        if (fetch) {
            return answer(status, "refused", message, form, null);
        }
        // the text stays in the form, so nothing written is lost
        redirect.addFlashAttribute("failed", form);
        redirect.addFlashAttribute("problem", message);
        return back;
    }

    private ResponseEntity<Map<String, Object>> answer(HttpStatus status, String outcome, String message, CommentForm form,
                                                              CommentView comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("message", message);
        body.put("form", form.key());
        body.put("errors", form.errors());
        if (comment != null && comment.status() == CommentStatus.PUBLISHED) {
            Map<String, Object> published = new LinkedHashMap<>();
            published.put("id", comment.id());
            published.put("author", comment.author());
            published.put("organisation", comment.organisation());
            published.put("stakeholderGroup", comment.stakeholderGroup() == null ? null : text.group(comment.stakeholderGroup()));
            published.put("submittedAt", text.dateTime(comment.submittedAt()));
            published.put("text", comment.text());
            body.put("comment", published);
        }
        return ResponseEntity.status(status).body(body);
    }

    private ForumView forum(String id) {
        return views.find(new ForumId(id)).orElseThrow(() -> new ForumNotFound(id));
    }

    static Authentication signedIn(Authentication user) {
        return user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated() ? null : user;
    }
}
