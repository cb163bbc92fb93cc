package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Registers an expert who joined by the open call. */
public record RegisterExpert(@TargetAggregateIdentifier ForumId forumId,
        String name,
        StakeholderGroup stakeholderGroup,
        String organisation,
        Actor by,
        Instant at) implements Attributed {
}
