package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A draft version was put under public consultation until the deadline. */
public record PublicConsultationOpened(ForumId forumId,
        int draftVersion,
        Instant closesAt,
        Actor by,
        Instant at) implements ForumEvent {
}
