package org.igf.bpf.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTest {

    /** Counts the real checks; "hash:<password>" is its encoding. */
    private final AtomicInteger checks = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("hash:" + raw);
        }
    };
    private final VerifiedPasswordCache cache = new VerifiedPasswordCache(counting);

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

        java.util.concurrent.FutureTask<Boolean> elsewhere = new java.util.concurrent.FutureTask<>(() -> cache.matches("secret", "hash:secret"));
        new Thread(elsewhere).start();

        assertThat(elsewhere.get()).isTrue();
        assertThat(checks).hasValue(1);
    }

    @Test
    void parallelRequestsWithTheSamePasswordPayOneCheck() throws Exception {
        PasswordEncoder slow = new PasswordEncoder() { // a check long enough for all the requests to arrive during it
            @Override
            public String encode(CharSequence raw) {
                return "hash:" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return encoded.equals("hash:" + raw);
            }
        };
        VerifiedPasswordCache parallel = new VerifiedPasswordCache(slow);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(16);
        java.util.concurrent.ExecutorService requests = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(requests.submit(() -> {
                    start.await();
                    return parallel.matches("secret", "hash:secret");
                }));
            }
            for (java.util.concurrent.Future<Boolean> answer : answers) {
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
