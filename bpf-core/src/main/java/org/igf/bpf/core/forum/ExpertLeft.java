package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** An expert left the forum. */
public record ExpertLeft(ForumId forumId,
        String name,
        StakeholderGroup stakeholderGroup,
        String reason,
        Actor by,
        Instant at) implements ForumEvent {
}
