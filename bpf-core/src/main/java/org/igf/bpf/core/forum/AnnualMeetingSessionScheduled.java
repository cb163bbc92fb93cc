package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The forum's session at the annual meeting was scheduled. */
public record AnnualMeetingSessionScheduled(ForumId forumId,
        String title,
        Instant startsAt,
        String roomOrLink,
        Actor by,
        Instant at) implements ForumEvent {
}
