package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Puts the revised version under a further round of public consultation instead of finishing the revision. */
public record OpenSecondConsultationRound(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Instant closesAt,
        Actor by,
        Instant at) implements StageCommand, Attributed {
}
