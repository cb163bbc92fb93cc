package org.igf.bpf.api.account;

import org.igf.bpf.core.account.Role;

import java.time.Instant;
import java.util.Set;

/** An account as the API shows it (never its password hash). */
public record Account(String username, boolean enabled, Set<Role> roles, Set<String> forums, Instant createdAt, Instant updatedAt) {
}
