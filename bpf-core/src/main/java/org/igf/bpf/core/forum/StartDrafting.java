package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Leaves discussion for drafting. */
public record StartDrafting(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Actor by,
        Instant at) implements StageCommand, Attributed {
}
