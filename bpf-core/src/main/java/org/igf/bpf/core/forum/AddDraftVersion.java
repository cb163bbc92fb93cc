package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/**
 * Adds a version of the draft outcome document, written by {@code author} (null: the acting user),
 * with or without the Secretariat's support; answers the new version number.
 */
public record AddDraftVersion(@TargetAggregateIdentifier ForumId forumId,
        String title,
        String text,
        String author,
        boolean secretariatSupported,
        Actor by,
        Instant at) implements Attributed {

    public AddDraftVersion(ForumId forumId, String title, String text, Actor by, Instant at) {
        this(forumId, title, text, null, false, by, at);
    }
}
