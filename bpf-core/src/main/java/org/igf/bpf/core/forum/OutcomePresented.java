package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The revised outcome was presented at the annual meeting; the forum concluded. */
public record OutcomePresented(ForumId forumId,
        Instant presentedAt,
        String session,
        Actor by,
        Instant at) implements ForumEvent {
}
