package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The revised version was put under a further round of public consultation until the deadline. */
public record SecondConsultationRoundOpened(ForumId forumId,
        int round,
        int draftVersion,
        Instant closesAt,
        Actor by,
        Instant at) implements ForumEvent {
}
