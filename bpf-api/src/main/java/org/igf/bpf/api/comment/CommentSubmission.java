package org.igf.bpf.api.comment;

import jakarta.servlet.http.HttpServletRequest;
import org.igf.bpf.api.security.Actors;
import org.igf.bpf.api.security.ClientKeys;
import org.igf.bpf.api.security.Roles;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.forum.SubmitComment;
import org.igf.bpf.core.shared.Actor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Submits a comment to a forum's consultation, the same way from the API and from the consultation
 * page: the public and experts are rate-limited per client (staff enter comments on others' behalf,
 * received by email, say), the aggregate decides whether the consultation is open and whether the
 * comment is held for moderation, and {@link CommentIntake} commits it (with the optional email) beside
 * the comments that arrive with it.
 */
@Component
public class CommentSubmission {

    private static final Actor PUBLIC = new Actor("public", "PUBLIC");

    private final CommentRateLimiter rateLimiter;
    private final CommentIntake intake;
    private final Clock clock;

    public CommentSubmission(CommentRateLimiter rateLimiter, CommentIntake intake, Clock clock) {
        this.rateLimiter = rateLimiter;
        this.intake = intake;
        this.clock = clock;
    }

    /** What was submitted, as the caller answers it. */
    public record Submitted(String id, Instant submittedAt) {
    }

    /** {@code paragraph} null: a comment on the whole document. */
    public Submitted submit(ForumId forumId, Integer paragraph, String author, StakeholderGroup stakeholderGroup,
                            String organisation, String email, String text, HttpServletRequest http, Authentication user) {
        if (!Roles.isSecretariat(user) && !Roles.has(user, Roles.COORDINATOR)) {
            rateLimiter.acquire(ClientKeys.of(http, user));
        }
        Actor actor = user == null || user instanceof AnonymousAuthenticationToken ? PUBLIC : Actors.of(user);
        Instant now = clock.instant();
        String strippedOrganisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
        String commentId = UUID.randomUUID().toString();
        intake.submit(new SubmitComment(forumId, commentId, paragraph, author.strip(), stakeholderGroup, strippedOrganisation,
                text, actor, now), email);
        return new Submitted(commentId, now);
    }
}
