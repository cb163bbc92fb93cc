package org.igf.bpf.api.forum.web;

/** The forum has no draft with the requested version. */
public class DraftNotFound extends RuntimeException {

    public DraftNotFound(String forumId, int version) {
        super("Forum " + forumId + " has no draft version " + version + ".");
    }
}
