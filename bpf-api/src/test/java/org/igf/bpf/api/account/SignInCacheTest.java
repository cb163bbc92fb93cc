package org.igf.bpf.api.account;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/**
 * Sign-in keeps account rows in memory and drops them when any account changes, however it changed:
 * the rows are kept only while the node listens for changes. Changes here are made in SQL, as another
 * node or an operator would make them, so that only the database's announcement can reach the cache.
 */
@ApiTest
class SignInCacheTest {

    private static final String PASSWORD = "a long enough password";
    private static final String NEW_PASSWORD = "another long enough password";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    SignInCache signIns;

    Api api;
    String username;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        username = "cached-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/accounts", Api.SECRETARIAT,
                json("username", username, "password", PASSWORD, "roles", List.of("EXPERT")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        waitFor(signIns::listening, "the node listens for account changes");
    }

    @Test
    void aKeptRowIsUsedWithoutReadingTheTable() {
        assertThat(signInStatus(PASSWORD)).isEqualTo(403); // signed in, not allowed: the row is kept now
        withoutAnnouncements(() -> jdbc.update("update account set password_hash = ? where username = ?",
                passwords.encode(NEW_PASSWORD), username));

        assertThat(signInStatus(PASSWORD)).as("the kept row, not the table's").isEqualTo(403);
    }

    @Test
    void anAccountDisabledInTheDatabaseCannotSignInMomentsLater() {
        assertThat(signInStatus(PASSWORD)).isEqualTo(403);

        jdbc.update("update account set enabled = false where username = ?", username);

        waitFor(() -> signInStatus(PASSWORD) == 401, "the disabled account is refused");
    }

    @Test
    void aPasswordChangedInTheDatabaseReplacesTheOldOneMomentsLater() {
        assertThat(signInStatus(PASSWORD)).isEqualTo(403);

        jdbc.update("update account set password_hash = ? where username = ?", passwords.encode(NEW_PASSWORD), username);

        waitFor(() -> signInStatus(PASSWORD) == 401, "the old password is refused");
        assertThat(signInStatus(NEW_PASSWORD)).isEqualTo(403);
    }

    @Test
    void changesMissedWhileNotListeningAreNotServedFromMemory() {
        assertThat(signInStatus(PASSWORD)).isEqualTo(403);
        withoutAnnouncements(() -> {
            jdbc.update("update account set password_hash = ? where username = ?", passwords.encode(NEW_PASSWORD), username);
            jdbc.queryForList("select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN " + SignInCache.CHANNEL + "'");
            waitFor(() -> !signIns.listening(), "the node notices that it no longer listens");
        });
        assertThat(signInStatus(PASSWORD)).as("the table's row, not the kept one").isEqualTo(401);

        waitFor(signIns::listening, "the node listens again");
        assertThat(signInStatus(PASSWORD)).isEqualTo(401);
        assertThat(signInStatus(NEW_PASSWORD)).isEqualTo(403);
    }

    /** GET /api/accounts: 403 for a signed-in expert, 401 when sign-in fails. */
    private int signInStatus(String password) {
        return api.get("/api/accounts", username + ":" + password).status();
    }

    /** Runs a change of the account table that announces nothing (the trigger off for its duration). */
    private void withoutAnnouncements(Runnable change) {
        jdbc.execute("alter table account disable trigger account_changed");
        try {
            change.run();
        } finally {
            jdbc.execute("alter table account enable trigger account_changed");
        }
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 5 s: " + what).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
