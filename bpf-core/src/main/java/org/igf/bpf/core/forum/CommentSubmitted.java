package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/**
 * A comment on the consulted draft was received during the public consultation. Under
 * pre-moderation it is held until a moderator approves it. (The fields after {@code at} came later:
 * older events read as no stakeholder group or organisation, not held, first round.)
 */
public record CommentSubmitted(ForumId forumId,
        String commentId,
        int draftVersion,
        Integer paragraph,
        String author,
        String text,
        Actor by,
        Instant at,
        StakeholderGroup stakeholderGroup,
        String organisation,
        boolean heldForModeration,
        int round) implements ForumEvent {

    public CommentSubmitted {
        round = Math.max(round, 1);
    }

    public CommentSubmitted(ForumId forumId, String commentId, int draftVersion, Integer paragraph, String author, String text,
                            Actor by, Instant at) {
        this(forumId, commentId, draftVersion, paragraph, author, text, by, at, null, null, false, 1);
    }
}
