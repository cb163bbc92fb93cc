package org.igf.bpf.core.account;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.igf.bpf.core.shared.RuleViolation;

import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user account of the engine. Its changes are events so that the secretariat's audit shows who
 * granted which role to whom, and when; the password hash is kept out of events.
 */
public class AccountAggregate {

    @AggregateIdentifier
    private AccountId accountId;
    private boolean enabled;
    private Set<Role> roles;
    private Set<String> forums;

    /** Required by Axon to rebuild the aggregate from its events. */
    protected AccountAggregate() {
    }

    @CommandHandler
    public AccountAggregate(CreateAccount command) {
        requireSomeRole(command.roles());
        apply(new AccountCreated(command.accountId(), command.roles(), command.forums(), command.by(), command.at()));
    }

    @CommandHandler
    public void handle(DisableAccount command) {
        if (command.by().name().equals(accountId.username())) {
            throw new RuleViolation("account.cannot-disable-self", "You cannot disable your own account.");
        }
        if (enabled) {
            apply(new AccountDisabled(accountId, command.by(), command.at()));
        }
    }

    @CommandHandler
    public void handle(EnableAccount command) {
        if (!enabled) {
            apply(new AccountEnabled(accountId, command.by(), command.at()));
        }
    }

    @CommandHandler
    public void handle(ResetPassword command) {
        apply(new PasswordReset(accountId, command.by(), command.at()));
    }

    @CommandHandler
    public void handle(AssignRoles command) {
        requireSomeRole(command.roles());
        if (command.by().name().equals(accountId.username()) && roles.contains(Role.SECRETARIAT)
                && !command.roles().contains(Role.SECRETARIAT)) {
            throw new RuleViolation("account.cannot-demote-self", "You cannot take the secretariat role from your own account.");
        }
        if (!command.roles().equals(roles)) {
            apply(new RolesAssigned(accountId, command.roles(), command.by(), command.at()));
        }
    }

    @CommandHandler
    public void handle(AssignForums command) {
        if (!command.forums().equals(forums)) {
            apply(new ForumsAssigned(accountId, command.forums(), command.by(), command.at()));
        }
    }

    private static void requireSomeRole(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new RuleViolation("account.needs-role", "An account needs at least one role.");
        }
    }

    @EventSourcingHandler
    void on(AccountCreated event) {
        accountId = event.accountId();
        enabled = true;
        roles = event.roles();
        forums = event.forums();
    }

    @EventSourcingHandler
    void on(AccountDisabled event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(AccountEnabled event) {
        enabled = true;
    }

    @EventSourcingHandler
    void on(RolesAssigned event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(ForumsAssigned event) {
        forums = event.forums();
    }
}
