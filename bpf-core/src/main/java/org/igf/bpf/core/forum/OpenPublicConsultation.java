package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Puts a named draft version (null: the latest) under public consultation until the deadline. */
public record OpenPublicConsultation(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Integer draftVersion,
        Instant closesAt,
        Actor by,
        Instant at) implements StageCommand, Attributed {

    public OpenPublicConsultation(ForumId forumId, Stage leaving, Instant closesAt, Actor by, Instant at) {
        this(forumId, leaving, null, closesAt, by, at);
    }
}
