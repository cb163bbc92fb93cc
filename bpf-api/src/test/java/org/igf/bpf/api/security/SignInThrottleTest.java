package org.igf.bpf.api.security;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Failed sign-ins are throttled per account (over HTTP) and per client (the throttle itself). */
@ApiTest
class SignInThrottleTest {

    @LocalServerPort
    int port;

    @Test
    void anAccountWithTooManyFailedSignInsIsRefusedEvenWithTheRightPassword() {
        Api api = new Api(port);
        String username = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/accounts", Api.SECRETARIAT, json("username", username, "password", "the right password",
                "roles", List.of("EXPERT"))).status()).isEqualTo(201);

        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/accounts", username + ":guess " + i).status()).isEqualTo(401);
        }
        Api.Response refused = api.get("/api/accounts", username + ":the right password");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("auth.throttled");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(api.get("/api/accounts", Api.SECRETARIAT).status()).as("other accounts are not throttled").isEqualTo(200);
    }

    @Test
    void aClientWithTooManyFailuresIsRefusedUntilTheWindowPasses() {
        MutableClock clock = new MutableClock();
        SignInThrottle throttle = new SignInThrottle(5, 3, Duration.ofMinutes(15), clock);

        throttle.failed("ana", "10.0.0.7");
        throttle.failed("ben", "10.0.0.7");
        assertThat(throttle.retryAfterSeconds("chen", "10.0.0.7")).isZero();
        throttle.failed("chen", "10.0.0.7");

        assertThat(throttle.retryAfterSeconds("dora", "10.0.0.7")).isEqualTo(900);
        assertThat(throttle.retryAfterSeconds("dora", "10.0.0.8")).isZero();
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.retryAfterSeconds("dora", "10.0.0.7")).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCount() {
        SignInThrottle throttle = new SignInThrottle(2, 100, Duration.ofMinutes(15), new MutableClock());
        throttle.failed("ana", "10.0.0.7");
        throttle.succeeded("ana");
        throttle.failed("ana", "10.0.0.7");

        assertThat(throttle.retryAfterSeconds("ana", "10.0.0.9")).isZero();
        throttle.failed("ana", "10.0.0.7");
        assertThat(throttle.retryAfterSeconds("ana", "10.0.0.9")).isPositive();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2015-10-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
