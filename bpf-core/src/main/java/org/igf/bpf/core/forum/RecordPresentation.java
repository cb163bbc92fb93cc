package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/**
 * Records the presentation at the annual meeting (session null: the scheduled session) and
 * publishes the final outcome document (version null: the revised version; publishedAt null: now);
 * the forum is concluded.
 */
public record RecordPresentation(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Instant presentedAt,
        String session,
        Integer publishedVersion,
        Instant publishedAt,
        Actor by,
        Instant at) implements StageCommand, Attributed {

    public RecordPresentation(ForumId forumId, Stage leaving, Instant presentedAt, String session, Actor by, Instant at) {
        this(forumId, leaving, presentedAt, session, null, null, by, at);
    }
}
