package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** Pre-moderation of new comments was switched on or off. */
public record PreModerationSwitched(ForumId forumId,
        boolean enabled,
        Actor by,
        Instant at) implements ForumEvent {
}
