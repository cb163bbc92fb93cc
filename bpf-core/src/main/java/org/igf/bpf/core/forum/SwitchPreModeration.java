package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Switches pre-moderation of new comments on or off. */
public record SwitchPreModeration(@TargetAggregateIdentifier ForumId forumId,
        boolean enabled,
        Actor by,
        Instant at) implements Attributed {
}
