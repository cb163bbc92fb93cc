package org.igf.bpf.api.forum.web;

/** No forum has the requested id. */
public class ForumNotFound extends RuntimeException {

    public ForumNotFound(String forumId) {
        super("There is no forum with id " + forumId + ".");
    }
}
