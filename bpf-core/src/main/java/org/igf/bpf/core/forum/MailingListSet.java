package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** The forum's mailing list address was set. */
public record MailingListSet(ForumId forumId,
        String address,
        Actor by,
        Instant at) implements ForumEvent {
}
