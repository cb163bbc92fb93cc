package org.igf.bpf.api.security;

import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import java.util.function.Supplier;

/**
 * Who may act on one forum: the secretariat on every forum, a coordinator only on the forums that
 * list them among their coordinators. Decided before the request body is read, from the forum's
 * own events, so a coordinator appointed a moment ago can act at once. An unknown forum passes
 * here and is answered 404 by the endpoint.
 */
@Component
public class ForumCoordinatorAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final ForumViews forums;

    public ForumCoordinatorAuthorization(ForumViews forums) {
        this.forums = forums;
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
        String id = context.getVariables().get("id");
        if (id == null || id.isBlank() || !Roles.has(user, Roles.COORDINATOR)) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(forums.find(new ForumId(id))
                .map(forum -> forum.coordinators().contains(user.getName()))
                .orElse(true));
    }
}
