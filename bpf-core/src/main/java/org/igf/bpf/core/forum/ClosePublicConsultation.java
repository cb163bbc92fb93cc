package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Closes the public consultation at its deadline; the forum goes into revision. */
public record ClosePublicConsultation(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Actor by,
        Instant at) implements StageCommand, Attributed {
}
