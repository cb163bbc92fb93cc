package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;
import java.util.List;

/** A forum of a cycle was opened on a topic and is recruiting experts. */
public record ForumCreated(ForumId forumId,
        int cycle,
        String topic,
        List<String> coordinators,
        Actor by,
        Instant at) implements ForumEvent {

    public ForumCreated {
        coordinators = List.copyOf(coordinators);
    }
}
