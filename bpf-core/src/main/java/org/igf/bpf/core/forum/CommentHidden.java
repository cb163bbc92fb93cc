package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A comment was hidden from the public by a moderator, for a reason. */
public record CommentHidden(ForumId forumId,
        String commentId,
        String reason,
        Actor by,
        Instant at) implements ForumEvent {
}
