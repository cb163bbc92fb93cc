package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Finishes the revision; the forum goes on to presentation at the annual meeting. */
public record CompleteRevision(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Actor by,
        Instant at) implements StageCommand, Attributed {
}
