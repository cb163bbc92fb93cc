package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Records that a coordinator steps down from the forum. */
public record StepDownCoordinator(@TargetAggregateIdentifier ForumId forumId,
        String name,
        String reason,
        Actor by,
        Instant at) implements Attributed {
}
