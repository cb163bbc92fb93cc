package org.igf.bpf.core.account;

import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.util.Set;

/** An account's forums were replaced. */
public record ForumsAssigned(AccountId accountId,
        Set<String> forums,
        Actor by,
        Instant at) implements Attributed {

    public ForumsAssigned {
        forums = Set.copyOf(forums);
    }
}
