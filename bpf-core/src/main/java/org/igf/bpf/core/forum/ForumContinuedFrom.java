package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The forum continues the work of last cycle's forum from where it was left. */
public record ForumContinuedFrom(ForumId forumId,
        ForumId previousForumId,
        int previousCycle,
        String previousTopic,
        Actor by,
        Instant at) implements ForumEvent {
}
