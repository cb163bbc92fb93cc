package org.igf.bpf.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Single sign-on for the web pages: a user signed in at the OpenID Connect provider becomes a user of
 * the engine with the same claims as a bearer token (see {@link BearerTokens}): the name from
 * {@code bpf.security.oidc.username-claim}, the roles from {@code bpf.security.oidc.roles-claim}.
 */
@Component
public class SingleSignOnUsers extends OidcUserService {

    private static final Set<String> ROLES = Set.of(Roles.SECRETARIAT, Roles.COORDINATOR, Roles.EXPERT);

    private final String usernameClaim;
    private final String rolesClaim;

    public SingleSignOnUsers(@Value("${bpf.security.oidc.username-claim:preferred_username}") String usernameClaim,
                             @Value("${bpf.security.oidc.roles-claim:roles}") String rolesClaim) {
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        List<String> roles = user.getClaimAsStringList(rolesClaim);
        List<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                .map(role -> role.toUpperCase(Locale.ROOT))
                .filter(ROLES::contains)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        String nameClaim = user.getClaimAsString(usernameClaim) != null ? usernameClaim : "sub";
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
    }
}
