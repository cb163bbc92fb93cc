package org.igf.bpf.api.account;

import org.igf.bpf.api.config.DatabaseProperties;
import org.igf.bpf.core.account.Role;
import org.igf.bpf.core.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The first accounts. The embedded default gets the demo accounts (unless switched off); a
 * production start creates the first secretariat account from BPF_ADMIN_USERNAME and
 * BPF_ADMIN_PASSWORD when no account exists yet, and otherwise says how to. There is no default
 * password outside the embedded default.
 */
@Component
@Order(0)
public class AccountBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final Actor BOOTSTRAP = Actor.system("account-bootstrap");

    private final AccountService accounts;
    private final AccountStore store;
    private final boolean demoAccounts;
    private final String adminUsername;
    private final String adminPassword;

    public AccountBootstrap(AccountService accounts, AccountStore store, DatabaseProperties database,
                            @Value("${bpf.security.demo-accounts:}") Boolean demoAccounts,
                            @Value("${bpf.security.admin-username:}") String adminUsername,
                            @Value("${bpf.security.admin-password:}") String adminPassword) {
        this.accounts = accounts;
        this.store = store;
        this.demoAccounts = demoAccounts != null ? demoAccounts : !database.isExternal();
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoAccounts) {
            demo("secretariat", Role.SECRETARIAT);
            demo("coordinator", Role.COORDINATOR);
            demo("expert", Role.EXPERT);
            log.warn("Demo accounts secretariat/secretariat, coordinator/coordinator and expert/expert are enabled "
                    + "(embedded default only; BPF_DEMO_ACCOUNTS=false switches them off).");
        }
        if (store.count() == 0) {
            if (!adminUsername.isBlank() && !adminPassword.isBlank()) {
                accounts.create(adminUsername, adminPassword, Set.of(Role.SECRETARIAT), Set.of(), BOOTSTRAP);
                log.info("Created the first secretariat account '{}'.", adminUsername);
            } else {
                log.warn("No account exists, so nobody can sign in. Create the first secretariat account by starting once with "
                        + "BPF_ADMIN_USERNAME=<name> and BPF_ADMIN_PASSWORD=<at least {} characters>; then manage accounts "
                        + "with POST /api/accounts.", AccountService.MIN_PASSWORD_LENGTH);
            }
        }
    }

    private void demo(String username, Role role) {
        if (store.find(username).isEmpty()) {
            try {
                accounts.createWithoutPasswordPolicy(username, username, Set.of(role), Set.of(), BOOTSTRAP);
            } catch (AccountService.AccountExists createdByAnotherNode) {
                log.debug("Demo account {} was created by another node", username);
            }
        }
    }
}
