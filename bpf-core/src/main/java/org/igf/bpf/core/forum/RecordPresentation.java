package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Records the presentation at the annual meeting; the forum is concluded. */
public record RecordPresentation(@TargetAggregateIdentifier ForumId forumId,
        Stage leaving,
        Instant presentedAt,
        String session,
        Actor by,
        Instant at) implements StageCommand, Attributed {
}
