package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Approves a comment held for moderation, so the public sees it. */
public record ApproveComment(@TargetAggregateIdentifier ForumId forumId,
        String commentId,
        Actor by,
        Instant at) implements Attributed {
}
