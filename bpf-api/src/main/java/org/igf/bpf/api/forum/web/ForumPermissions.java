package org.igf.bpf.api.forum.web;

import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.security.Roles;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may act on which forum: the secretariat on every forum, a coordinator only on the forums
 * that list them as coordinator. Checked against the forum's own events, so a coordinator appointed
 * a moment ago can act at once.
 */
@Component
public class ForumPermissions {

    private final ForumViews views;

    public ForumPermissions(ForumViews views) {
        this.views = views;
    }

    public ForumId requireManage(String id, Authentication user) {
        ForumId forumId = new ForumId(id);
        ForumView forum = views.findBeforeChanges(forumId).orElseThrow(() -> new ForumNotFound(id));
        if (!mayManage(forum, user)) {
            throw new AccessDeniedException("Only the secretariat and the coordinators of forum " + id + " ("
                    + String.join(", ", forum.coordinators()) + ") may do this.");
        }
        return forumId;
    }

    /** The secretariat, and the coordinators of this forum who have an account. */
    public boolean mayManage(ForumView forum, Authentication user) {
        return user != null && user.isAuthenticated()
                && (Roles.isSecretariat(user) || forum.coordinators().contains(user.getName()));
    }
}
