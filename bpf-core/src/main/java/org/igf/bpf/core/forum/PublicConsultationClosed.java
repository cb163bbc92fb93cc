package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The public consultation closed at its deadline; the revision began. */
public record PublicConsultationClosed(ForumId forumId,
        int draftVersion,
        int commentCount,
        Actor by,
        Instant at) implements ForumEvent {
}
