package org.igf.bpf.api.account;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.igf.bpf.core.account.AccountId;
import org.igf.bpf.core.account.AssignForums;
import org.igf.bpf.core.account.AssignRoles;
import org.igf.bpf.core.account.CreateAccount;
import org.igf.bpf.core.account.DisableAccount;
import org.igf.bpf.core.account.EnableAccount;
import org.igf.bpf.core.account.ResetPassword;
import org.igf.bpf.core.account.Role;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.RuleViolation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Manages accounts. Each change is one transaction: the account aggregate's event (the audit
 * record) and the account row sign-in reads.
 */
@Service
public class AccountService {

    /** Minimum password length; passwords are stored as bcrypt hashes only. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final CommandGateway commands;
    private final AccountStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;

    public AccountService(CommandGateway commands, AccountStore store, PasswordEncoder encoder, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Transactional
    public Account create(String username, String password, Set<Role> roles, Set<String> forums, Actor by) {
        requireStrong(password);
        return createWithoutPasswordPolicy(username, password, roles, forums, by);
    }

    /** For the embedded default's demo accounts only, whose passwords are their user names. */
    @Transactional
    Account createWithoutPasswordPolicy(String username, String password, Set<Role> roles, Set<String> forums, Actor by) {
        AccountId id = accountId(username);
        Instant now = clock.instant();
        try {
            commands.sendAndWait(new CreateAccount(id, roles, forums, by, now));
        } catch (AggregateStreamCreationException exists) {
            throw new AccountExists(username);
        }
        store.insert(username, encoder.encode(password), roles, forums, now);
        return get(username);
    }

    @Transactional
    public Account disable(String username, Actor by) {
        Instant now = clock.instant();
        commands.sendAndWait(new DisableAccount(existing(username), by, now));
        store.update(username, "enabled", false, now);
        return get(username);
    }

    @Transactional
    public Account enable(String username, Actor by) {
        Instant now = clock.instant();
        commands.sendAndWait(new EnableAccount(existing(username), by, now));
        store.update(username, "enabled", true, now);
        return get(username);
    }

    @Transactional
    public void resetPassword(String username, String password, Actor by) {
        AccountId id = existing(username);
        requireStrong(password);
        Instant now = clock.instant();
        commands.sendAndWait(new ResetPassword(id, by, now));
        store.update(username, "password_hash", encoder.encode(password), now);
    }

    @Transactional
    public Account assignRoles(String username, Set<Role> roles, Actor by) {
        Instant now = clock.instant();
        commands.sendAndWait(new AssignRoles(existing(username), roles, by, now));
        store.update(username, "roles", AccountStore.join(roles), now);
        return get(username);
    }

    @Transactional
    public Account assignForums(String username, Set<String> forums, Actor by) {
        Instant now = clock.instant();
        commands.sendAndWait(new AssignForums(existing(username), forums, by, now));
        store.update(username, "forums", AccountStore.join(forums), now);
        return get(username);
    }

    @Transactional(readOnly = true)
    public java.util.List<Account> list() {
        return store.findAll();
    }

    @Transactional(readOnly = true)
    public Account get(String username) {
        return store.find(username).map(AccountStore.Credentials::account).orElseThrow(() -> new AccountNotFound(username));
    }

    private AccountId existing(String username) {
        if (store.find(username).isEmpty()) {
            throw new AccountNotFound(username);
        }
        return new AccountId(username);
    }

    private static AccountId accountId(String username) {
        if (!AccountId.isValid(username)) {
            throw new RuleViolation("account.invalid-username",
                    "A user name is 2 to 63 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.");
        }
        return new AccountId(username);
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.isBlank()) {
            throw new RuleViolation("account.weak-password", "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    /** No account has this user name. */
    public static class AccountNotFound extends RuntimeException {
        public AccountNotFound(String username) {
            super("There is no account " + username + ".");
        }
    }

    /** The user name is taken. */
    public static class AccountExists extends RuntimeException {
        public AccountExists(String username) {
            super("An account " + username + " already exists.");
        }
    }
}
