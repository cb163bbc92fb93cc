package org.igf.bpf.core.shared;

import java.util.Objects;

/**
 * Who acted: a signed-in user with the role they acted in, or a named system actor (a BPMN timer,
 * the demo-data loader). Nothing in the audit trail is anonymous.
 */
public record Actor(String name, String role) {

    public static final String SYSTEM_ROLE = "SYSTEM";

    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a name");
        }
    }

    public static Actor system(String name) {
        return new Actor(name, SYSTEM_ROLE);
    }
}
