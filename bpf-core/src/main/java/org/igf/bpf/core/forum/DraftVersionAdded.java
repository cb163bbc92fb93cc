package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A version of the draft outcome document was added. */
public record DraftVersionAdded(ForumId forumId,
        int version,
        String title,
        String text,
        Actor by,
        Instant at) implements ForumEvent {
}
