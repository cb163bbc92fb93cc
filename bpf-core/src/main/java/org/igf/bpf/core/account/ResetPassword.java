package org.igf.bpf.core.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Records that the account's password was reset (the hash itself is never part of an event). */
public record ResetPassword(@TargetAggregateIdentifier AccountId accountId,
        Actor by,
        Instant at) implements Attributed {
}
