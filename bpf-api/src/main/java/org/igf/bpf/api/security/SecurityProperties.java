package org.igf.bpf.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Accounts. Demo accounts are for the embedded default only: they are switched on there unless
 * {@code bpf.security.demo-accounts} says otherwise, and never on an external database unless asked.
 */
@ConfigurationProperties("bpf.security")
public record SecurityProperties(Boolean demoAccounts, List<Account> accounts) {

    public SecurityProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /** A configured account; {@code password} is a Spring Security encoded password, e.g. {bcrypt}... */
    public record Account(String username, String password, List<String> roles) {
    }
}
