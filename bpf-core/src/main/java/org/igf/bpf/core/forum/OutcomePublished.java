package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The final outcome document was published. */
public record OutcomePublished(ForumId forumId,
        int version,
        Instant publishedAt,
        Actor by,
        Instant at) implements ForumEvent {
}
