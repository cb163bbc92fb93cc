package org.igf.bpf.api.audit.web;

import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.security.Roles;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Who may read a forum's history: the secretariat, and the coordinators of that forum (read from
 * the forum's own events, like every other coordinator check). Anyone else is refused; without
 * credentials that is a 401, signed in a 403. An unknown forum is left to the controller's 404
 * for the secretariat and refused for everybody else, so nobody learns which ids exist.
 */
@Component
public class HistoryAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final ForumViews views;

    public HistoryAccess(ForumViews views) {
        this.views = views;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        if (Roles.isSecretariat(user)) {
            return new AuthorizationDecision(true);
        }
        String id = forumId(context);
        boolean coordinator = id != null && views.find(new ForumId(id))
                .map(forum -> forum.coordinators().contains(user.getName())).orElse(false);
        return new AuthorizationDecision(coordinator);
    }

    private static String forumId(RequestAuthorizationContext context) {
        String id = context.getVariables().get("id");
        if (id != null) {
            return id;
        }
        // /api/forums/{id}/history
        String[] parts = context.getRequest().getRequestURI().split("/");
        return parts.length >= 5 ? parts[parts.length - 2] : null;
    }
}
