package org.igf.bpf.api.security;

import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Supplier;

/**
 * Who may act on, or read the history of, one forum ({@code {id}} in the path): the secretariat on
 * every forum, anyone else only on the forums that list them among their coordinators. Decided
 * before the request body is read, from the forum's own events, so a coordinator appointed a moment
 * ago can act at once. Without credentials the answer is 401, signed in 403.
 */
public final class ForumCoordinatorAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final ForumViews forums;
    private final boolean unknownForumPasses;

    private ForumCoordinatorAuthorization(ForumViews forums, boolean unknownForumPasses) {
        this.forums = forums;
        this.unknownForumPasses = unknownForumPasses;
    }

    /** For actions: an unknown forum passes here and is answered 404 by the endpoint. */
    public static ForumCoordinatorAuthorization toAct(ForumViews forums) {
        return new ForumCoordinatorAuthorization(forums, true);
    }

    /** For reading a history: an unknown forum is refused to all but the secretariat, so nobody learns which ids exist. */
    public static ForumCoordinatorAuthorization toReadHistory(ForumViews forums) {
        return new ForumCoordinatorAuthorization(forums, false);
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
        if (id == null || id.isBlank()) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(forums.findBeforeChanges(new ForumId(id))
                .map(forum -> forum.coordinators().contains(user.getName()))
                .orElse(unknownForumPasses));
    }
}
