package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The deadline of the open public consultation was moved later, for a reason. */
public record ConsultationDeadlineExtended(ForumId forumId,
        int round,
        Instant previousClosesAt,
        Instant closesAt,
        String reason,
        Actor by,
        Instant at) implements ForumEvent {
}
