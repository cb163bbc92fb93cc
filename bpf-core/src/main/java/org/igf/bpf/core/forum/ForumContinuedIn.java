package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The forum's work continues in a forum of a later cycle. */
public record ForumContinuedIn(ForumId forumId,
        ForumId nextForumId,
        int nextCycle,
        Actor by,
        Instant at) implements ForumEvent {
}
