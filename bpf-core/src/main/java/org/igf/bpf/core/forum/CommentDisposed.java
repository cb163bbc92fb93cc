package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The revision gave a comment its disposition, with a note. */
public record CommentDisposed(ForumId forumId,
        String commentId,
        Disposition disposition,
        String note,
        Actor by,
        Instant at) implements ForumEvent {
}
