package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A comment on the consulted draft was received during the public consultation. */
public record CommentSubmitted(ForumId forumId,
        String commentId,
        int draftVersion,
        Integer paragraph,
        String author,
        String text,
        Actor by,
        Instant at) implements ForumEvent {
}
