package org.igf.bpf.core.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.Set;

/** Replaces the account's roles. */
public record AssignRoles(@TargetAggregateIdentifier AccountId accountId,
        Set<Role> roles,
        Actor by,
        Instant at) implements Attributed {

    public AssignRoles {
        roles = Set.copyOf(roles);
    }
}
