package org.igf.bpf.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTest {

    /** Counts the real checks. */
    private final AtomicInteger checks = new AtomicInteger();
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(counting(0));

    /** An encoder whose encoding is "hash:<password>", each check taking {@code millis}. */
    private PasswordEncoder counting(long millis) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "hash:" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return encoded.equals("hash:" + raw);
            }
        };
    }

    @Test
    void checksAVerifiedPasswordOnlyOnce() {
        assertThat(cache.matches("secret", "hash:secret")).isTrue();
        assertThat(cache.matches("secret", "hash:secret")).isTrue();

        assertThat(checks).hasValue(1);
    }

    @Test
    void neverRemembersAWrongPassword() {
        assertThat(cache.matches("guess", "hash:secret")).isFalse();
        assertThat(cache.matches("guess", "hash:secret")).isFalse();

        assertThat(checks).hasValue(2);
    }

    @Test
    void checksAgainWhenTheStoredHashChanged() {
        assertThat(cache.matches("secret", "hash:secret")).isTrue();

        assertThat(cache.matches("secret", "hash:other")).isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aPasswordVerifiedOnOneThreadIsKnownOnAnother() throws Exception {
        assertThat(cache.matches("secret", "hash:secret")).isTrue();

        FutureTask<Boolean> elsewhere = new FutureTask<>(() -> cache.matches("secret", "hash:secret"));
        new Thread(elsewhere).start();

        assertThat(elsewhere.get()).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void parallelRequestsWithTheSamePasswordPayOneCheck() throws Exception {
        // a check long enough for all the requests to arrive during it
        VerifiedPasswordCache parallel = new VerifiedPasswordCache(counting(300));
        CyclicBarrier start = new CyclicBarrier(16);
        ExecutorService requests = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(requests.submit(() -> {
                    start.await();
                    return parallel.matches("secret", "hash:secret");
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            requests.shutdownNow();
        }

        assertThat(checks).hasValue(1);
        assertThat(parallel.matches("guess", "hash:secret")).isFalse();
        assertThat(checks).hasValue(2);
    }
}
