package org.igf.bpf.core.account;

import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** An account's password was reset. */
public record PasswordReset(AccountId accountId,
        Actor by,
        Instant at) implements Attributed {
}
