package org.igf.bpf.core.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.Set;

/** Replaces the forums the account belongs to as an expert. */
public record AssignForums(@TargetAggregateIdentifier AccountId accountId,
        Set<String> forums,
        Actor by,
        Instant at) implements Attributed {

    public AssignForums {
        forums = Set.copyOf(forums);
    }
}
