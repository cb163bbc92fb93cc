package org.igf.bpf.api.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The roles of the engine's users. */
public final class Roles {

    public static final String SECRETARIAT = "SECRETARIAT";
    public static final String COORDINATOR = "COORDINATOR";
    public static final String EXPERT = "EXPERT";

    private Roles() {
    }

    public static boolean isSecretariat(Authentication user) {
        return has(user, SECRETARIAT);
    }

    public static boolean has(Authentication user, String role) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }

    /** The role a user acts in, for the audit trail: the most powerful one they hold. */
    static String actingRole(Authentication user) {
        if (has(user, SECRETARIAT)) {
            return SECRETARIAT;
        }
        if (has(user, COORDINATOR)) {
            return COORDINATOR;
        }
        if (has(user, EXPERT)) {
            return EXPERT;
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.startsWith("ROLE_") ? a.substring(5) : a).findFirst().orElse("USER");
    }
}
