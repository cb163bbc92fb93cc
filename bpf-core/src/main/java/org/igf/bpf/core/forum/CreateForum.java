package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.List;

/**
 * Opens a new forum of a cycle on a topic, in expert recruitment. {@code coordinators} are account
 * user names (the simple form); {@code appointed} are coordinators described in full (people or
 * organisations, MAG coordinators or lead experts, with or without an account). Both may be empty:
 * the forum then shows an open call for MAG volunteers.
 */
public record CreateForum(@TargetAggregateIdentifier ForumId forumId,
        int cycle,
        String topic,
        List<String> coordinators,
        List<Coordinator> appointed,
        Actor by,
        Instant at) implements Attributed {

    public CreateForum {
        coordinators = List.copyOf(coordinators);
        appointed = appointed == null ? List.of() : List.copyOf(appointed);
    }

    public CreateForum(ForumId forumId, int cycle, String topic, List<String> coordinators, Actor by, Instant at) {
        this(forumId, cycle, topic, coordinators, List.of(), by, at);
    }
}
