package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Sets the address of the forum's mailing list. */
public record SetMailingList(@TargetAggregateIdentifier ForumId forumId,
        String address,
        Actor by,
        Instant at) implements Attributed {
}
