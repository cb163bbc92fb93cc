package org.igf.bpf.core.account;

import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** A disabled account was enabled again. */
public record AccountEnabled(AccountId accountId,
        Actor by,
        Instant at) implements Attributed {
}
