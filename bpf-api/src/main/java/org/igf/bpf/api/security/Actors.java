package org.igf.bpf.api.security;

import org.igf.bpf.core.shared.Actor;
import org.springframework.security.core.Authentication;

/** Turns the signed-in user into the actor recorded on commands and events. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Authentication user) {
        return new Actor(user.getName(), Roles.actingRole(user));
    }
}
