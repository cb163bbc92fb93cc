package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Makes a new forum the continuation of last cycle's forum: its experts and mailing list carry over. */
public record ContinueFromPreviousCycle(@TargetAggregateIdentifier ForumId forumId,
        ForumId previousForumId,
        Handover handover,
        Actor by,
        Instant at) implements Attributed {
}
