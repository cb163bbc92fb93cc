package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A MAG coordinator or lead expert was appointed to the forum. */
public record CoordinatorAppointed(ForumId forumId,
        Coordinator coordinator,
        Actor by,
        Instant at) implements ForumEvent {
}
