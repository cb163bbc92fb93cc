package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Records that an expert leaves the forum. */
public record WithdrawExpert(@TargetAggregateIdentifier ForumId forumId,
        String name,
        String reason,
        Actor by,
        Instant at) implements Attributed {
}
