package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Hides a comment from the public, for a reason; it stays in the history. */
public record HideComment(@TargetAggregateIdentifier ForumId forumId,
        String commentId,
        String reason,
        Actor by,
        Instant at) implements Attributed {
}
