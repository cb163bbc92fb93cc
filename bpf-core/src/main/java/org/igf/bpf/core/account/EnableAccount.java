package org.igf.bpf.core.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Enables a disabled account again. */
public record EnableAccount(@TargetAggregateIdentifier AccountId accountId,
        Actor by,
        Instant at) implements Attributed {
}
