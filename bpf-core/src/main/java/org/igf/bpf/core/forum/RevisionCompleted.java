package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The revised version was settled; the forum goes on to the annual meeting. */
public record RevisionCompleted(ForumId forumId,
        int revisedVersion,
        Actor by,
        Instant at) implements ForumEvent {
}
