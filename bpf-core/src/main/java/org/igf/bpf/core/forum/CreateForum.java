package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.List;

/** Opens a new forum of a cycle on a topic, in expert recruitment. */
public record CreateForum(@TargetAggregateIdentifier ForumId forumId,
        int cycle,
        String topic,
        List<String> coordinators,
        Actor by,
        Instant at) implements Attributed {

    public CreateForum {
        coordinators = List.copyOf(coordinators);
    }
}
