package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A coordinator stepped down from the forum. */
public record CoordinatorSteppedDown(ForumId forumId,
        String name,
        String reason,
        Actor by,
        Instant at) implements ForumEvent {
}
