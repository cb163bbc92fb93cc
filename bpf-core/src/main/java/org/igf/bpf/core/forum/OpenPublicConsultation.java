package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Puts the latest draft under public consultation until the deadline. */
public record OpenPublicConsultation(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Instant closesAt,
        Actor by,
        Instant at) implements StageCommand, Attributed {
}
