package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Records a MAG member volunteering to coordinate a forum that has an open call for MAG volunteers. */
public record VolunteerAsCoordinator(@TargetAggregateIdentifier ForumId forumId,
        String name,
        String account,
        Actor by,
        Instant at) implements Attributed {
}
