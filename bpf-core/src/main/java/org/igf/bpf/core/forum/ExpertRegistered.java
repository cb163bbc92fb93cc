package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** An expert from a stakeholder group joined the forum. */
public record ExpertRegistered(ForumId forumId,
        String name,
        StakeholderGroup stakeholderGroup,
        String organisation,
        Actor by,
        Instant at) implements ForumEvent {
}
