package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The discussion ended; drafting of the outcome document began. */
public record DraftingStarted(ForumId forumId,
        Actor by,
        Instant at) implements ForumEvent {
}
