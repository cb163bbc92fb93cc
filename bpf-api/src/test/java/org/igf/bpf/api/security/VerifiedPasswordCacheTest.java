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
}
