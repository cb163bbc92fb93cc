package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A comment held for moderation was approved and is public. */
public record CommentApproved(ForumId forumId,
        String commentId,
        Actor by,
        Instant at) implements ForumEvent {
}
