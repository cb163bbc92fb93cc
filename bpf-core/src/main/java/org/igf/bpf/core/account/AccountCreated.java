package org.igf.bpf.core.account;

import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.Set;

/** An account was created with its roles and forums. */
public record AccountCreated(AccountId accountId,
        Set<Role> roles,
        Set<String> forums,
        Actor by,
        Instant at) implements Attributed {

    public AccountCreated {
        roles = Set.copyOf(roles);
        forums = Set.copyOf(forums);
    }
}
