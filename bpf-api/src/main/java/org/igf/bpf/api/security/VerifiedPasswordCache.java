package org.igf.bpf.api.security;

import org.igf.bpf.core.shared.LeastRecentlyUsed;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A password encoder that remembers, for a few minutes, which (password, stored hash) pairs it has
 * already verified. HTTP Basic sends the password with every request, and a bcrypt check costs tens
 * of milliseconds: this keeps it to one check per client per few minutes. Entries are HMACs under a
 * key that lives only in this process's memory; the stored hash is part of the entry, so a reset
 * password (a new hash) is checked afresh at once. Only successes are remembered. Requests that
 * bring the same password for the same hash while it is being checked wait for that check's answer:
 * when an entry expires, a client's parallel requests pay one bcrypt check, not one each.
 */
public class VerifiedPasswordCache implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;
    private static final long TIME_TO_LIVE_MILLIS = 5 * 60_000;

    private final PasswordEncoder delegate;
    private final SecretKeySpec key;
    /** One initialised MAC per thread: looking up and initialising one cost more than the rest of a request's authentication. */
    private final ThreadLocal<Mac> macs;
    private final Map<String, Long> verified = new LeastRecentlyUsed<>(MAX_ENTRIES);
    /** The checks under way: a client's parallel requests when its entry is missing wait for one check, not one each. */
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    public VerifiedPasswordCache(PasswordEncoder delegate) {
        this.delegate = delegate;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = mac(rawPassword + "\u0000" + encodedPassword);
        long now = System.currentTimeMillis();
        synchronized (verified) {
            Long at = verified.get(entry);
            if (at != null && now - at < TIME_TO_LIVE_MILLIS) {
                return true;
            }
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(entry, mine);
        if (running != null) {
            try {
                return running.join(); // the same password against the same hash is being checked: its answer
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        try {
            boolean matches = delegate.matches(rawPassword, encodedPassword);
            if (matches) {
                synchronized (verified) {
                    verified.put(entry, now);
                }
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            checking.remove(entry, mine);
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mac(String value) {
        return Base64.getEncoder().encodeToString(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8))); // doFinal resets it
    }
}
