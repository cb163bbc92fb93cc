package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** Last cycle's mailing list was reactivated for the forum that continues it. */
public record MailingListReactivated(ForumId forumId,
        String address,
        ForumId previousForumId,
        Actor by,
        Instant at) implements ForumEvent {
}
