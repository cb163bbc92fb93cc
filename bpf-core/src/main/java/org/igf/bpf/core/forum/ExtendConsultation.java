package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Moves the deadline of the open public consultation later, for a reason. */
public record ExtendConsultation(@TargetAggregateIdentifier ForumId forumId,
        Instant closesAt,
        String reason,
        Actor by,
        Instant at) implements Attributed {
}
