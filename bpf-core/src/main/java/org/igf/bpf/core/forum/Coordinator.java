package org.igf.bpf.core.forum;

import java.util.Objects;

/**
 * Who facilitates a forum: a MAG coordinator or a lead expert, a person or an organisation (ISOC
 * coordinated the IXP forum). {@code account} is the user name of their account, when they have one;
 * only coordinators with an account can act on the forum through the API.
 */
public record Coordinator(String name, Kind kind, Role role, String account) {

    public enum Kind { PERSON, ORGANISATION }

    public enum Role { MAG_COORDINATOR, LEAD_EXPERT }

    public Coordinator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        name = name.strip();
        account = account == null || account.isBlank() ? null : account.strip();
    }

    /** A coordinator known only by an account user name (the forum's original, simple form). */
    public static Coordinator ofAccount(String username) {
        return new Coordinator(username, Kind.PERSON, Role.MAG_COORDINATOR, username);
    }
}
