package org.igf.bpf.core.account;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

class AccountAggregateTest {

    private static final AccountId ALICE = new AccountId("alice");
    private static final Actor CHENGETAI = new Actor("chengetai", "SECRETARIAT");
    private static final Instant T = Instant.parse("2015-03-03T12:00:00Z");

    private AggregateTestFixture<AccountAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccountAggregate.class);
    }

    private static AccountCreated created(Role... roles) {
        return new AccountCreated(ALICE, Set.of(roles), Set.of(), CHENGETAI, T);
    }

    @Test
    void createsAnAccountWithItsRoles() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ALICE, Set.of(Role.COORDINATOR), Set.of(), CHENGETAI, T))
                .expectEvents(created(Role.COORDINATOR));
    }

    @Test
    void refusesAnAccountWithoutRole() {
        fixture.givenNoPriorActivity()
                .when(new CreateAccount(ALICE, Set.of(), Set.of(), CHENGETAI, T))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void disablesAnAccountOnce() {
        fixture.given(created(Role.EXPERT), new AccountDisabled(ALICE, CHENGETAI, T))
                .when(new DisableAccount(ALICE, CHENGETAI, T))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesToDisableYourOwnAccount() {
        fixture.given(created(Role.SECRETARIAT))
                .when(new DisableAccount(ALICE, new Actor("alice", "SECRETARIAT"), T))
                .expectNoEvents()
                .expectExceptionMessage("You cannot disable your own account.");
    }

    @Test
    void refusesToTakeTheSecretariatRoleFromYourself() {
        fixture.given(created(Role.SECRETARIAT))
                .when(new AssignRoles(ALICE, Set.of(Role.EXPERT), new Actor("alice", "SECRETARIAT"), T))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void recordsOnlyRealChangesOfRoles() {
        fixture.given(created(Role.EXPERT))
                .when(new AssignRoles(ALICE, Set.of(Role.EXPERT, Role.COORDINATOR), CHENGETAI, T))
                .expectEvents(new RolesAssigned(ALICE, Set.of(Role.EXPERT, Role.COORDINATOR), CHENGETAI, T));
    }

    @Test
    void recordsAPasswordResetWithoutTheHash() {
        fixture.given(created(Role.EXPERT))
                .when(new ResetPassword(ALICE, CHENGETAI, T))
                .expectEvents(new PasswordReset(ALICE, CHENGETAI, T));
    }
}
