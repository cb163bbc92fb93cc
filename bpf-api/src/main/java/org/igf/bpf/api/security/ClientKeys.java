package org.igf.bpf.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Who a client is for rate limits and idempotency: a signed-in user by name, anyone else by the
 * address the request came from (behind a proxy, enable {@code server.forward-headers-strategy}).
 */
public final class ClientKeys {

    private ClientKeys() {
    }

    public static String of(HttpServletRequest request, Authentication user) {
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
            return "user:" + user.getName();
        }
        return "ip:" + request.getRemoteAddr();
    }
}
