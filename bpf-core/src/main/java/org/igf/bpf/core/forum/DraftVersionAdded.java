package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/**
 * A version of the draft outcome document was added, by its author, with or without the
 * Secretariat's support. ({@code author} and {@code secretariatSupported} came later: older events
 * lack them and read as author unknown, not supported.)
 */
public record DraftVersionAdded(ForumId forumId,
        int version,
        String title,
        String text,
        Actor by,
        Instant at,
        String author,
        boolean secretariatSupported) implements ForumEvent {

    public DraftVersionAdded(ForumId forumId, int version, String title, String text, Actor by, Instant at) {
        this(forumId, version, title, text, by, at, by.name(), false);
    }
}
