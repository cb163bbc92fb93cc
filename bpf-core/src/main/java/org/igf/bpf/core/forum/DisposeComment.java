package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Records how the revision treated a comment. */
public record DisposeComment(@TargetAggregateIdentifier ForumId forumId,
        String commentId,
        Disposition disposition,
        String note,
        Actor by,
        Instant at) implements Attributed {
}
