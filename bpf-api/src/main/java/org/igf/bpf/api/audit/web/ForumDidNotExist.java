package org.igf.bpf.api.audit.web;

import java.time.Instant;

/** The forum asked for as of an instant had not been opened yet at that instant (or never was). */
class ForumDidNotExist extends RuntimeException {

    ForumDidNotExist(String forumId, Instant asOf, boolean existsNow) {
        super(existsNow ? "Forum " + forumId + " had not been opened yet at " + asOf + "."
                : "There is no forum with id " + forumId + ".");
    }
}
