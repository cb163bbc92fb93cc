package org.igf.bpf.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Single sign-on for the API: a JWT from the organisation's OpenID Connect provider becomes a user
 * of the engine. The user name comes from {@code bpf.security.oidc.username-claim} (it must match
 * the names listed as a forum's coordinators), the roles from {@code bpf.security.oidc.roles-claim}
 * (values SECRETARIAT, COORDINATOR, EXPERT; others are ignored).
 */
@Component
public class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Set<String> ROLES = Set.of(Roles.SECRETARIAT, Roles.COORDINATOR, Roles.EXPERT);

    private final String usernameClaim;
    private final String rolesClaim;

    public BearerTokens(@Value("${bpf.security.oidc.username-claim:preferred_username}") String usernameClaim,
                        @Value("${bpf.security.oidc.roles-claim:roles}") String rolesClaim) {
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(usernameClaim);
        if (username == null || username.isBlank()) {
            username = jwt.getSubject();
        }
        return new JwtAuthenticationToken(jwt, authorities(jwt), username);
    }

    private Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.hasClaim(rolesClaim) ? jwt.getClaimAsStringList(rolesClaim) : List.of();
        return roles == null ? List.of() : roles.stream()
                .map(role -> role.toUpperCase(java.util.Locale.ROOT))
                .filter(ROLES::contains)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
