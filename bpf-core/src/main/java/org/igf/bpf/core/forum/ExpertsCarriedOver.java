package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;
import java.util.List;

/** The experts of last cycle's forum carried over to the forum that continues it. */
public record ExpertsCarriedOver(ForumId forumId,
        ForumId previousForumId,
        List<Expert> experts,
        Actor by,
        Instant at) implements ForumEvent {
}
