package org.igf.bpf.core.account;

import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.Set;

/** An account's roles were replaced. */
public record RolesAssigned(AccountId accountId,
        Set<Role> roles,
        Actor by,
        Instant at) implements Attributed {

    public RolesAssigned {
        roles = Set.copyOf(roles);
    }
}
