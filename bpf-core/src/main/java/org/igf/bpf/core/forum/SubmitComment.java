package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/**
 * Submits a comment on the consulted draft, on one paragraph or (paragraph null) on the whole
 * document, with the author's name and, optionally, stakeholder group and organisation.
 */
public record SubmitComment(@TargetAggregateIdentifier ForumId forumId,
        String commentId,
        Integer paragraph,
        String author,
        StakeholderGroup stakeholderGroup,
        String organisation,
        String text,
        Actor by,
        Instant at) implements Attributed {

    public SubmitComment(ForumId forumId, String commentId, Integer paragraph, String author, String text, Actor by, Instant at) {
        this(forumId, commentId, paragraph, author, null, null, text, by, at);
    }
}
