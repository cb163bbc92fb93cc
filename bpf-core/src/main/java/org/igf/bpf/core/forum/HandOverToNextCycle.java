package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Marks this forum as continued by a forum of a later cycle; answers what carries over ({@link Handover}). */
public record HandOverToNextCycle(@TargetAggregateIdentifier ForumId forumId,
        ForumId nextForumId,
        int nextCycle,
        Actor by,
        Instant at) implements Attributed {
}
