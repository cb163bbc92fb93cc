package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** A MAG member volunteered to coordinate the forum, answering its open call. */
public record MagMemberVolunteered(ForumId forumId,
        String name,
        String account,
        Actor by,
        Instant at) implements ForumEvent {
}
