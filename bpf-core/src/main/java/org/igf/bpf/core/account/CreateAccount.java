package org.igf.bpf.core.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.Set;

/** Creates an account with its roles and, for experts, the forums it belongs to. */
public record CreateAccount(@TargetAggregateIdentifier AccountId accountId,
        Set<Role> roles,
        Set<String> forums,
        Actor by,
        Instant at) implements Attributed {

    public CreateAccount {
        roles = Set.copyOf(roles);
        forums = Set.copyOf(forums);
    }
}
