package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Appoints a MAG coordinator or lead expert (a person or an organisation) to the forum. */
public record AppointCoordinator(@TargetAggregateIdentifier ForumId forumId,
        Coordinator coordinator,
        Actor by,
        Instant at) implements Attributed {
}
