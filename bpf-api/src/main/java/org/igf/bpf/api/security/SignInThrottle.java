package org.igf.bpf.api.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down password guessing: after {@code perAccount} failed sign-ins for one account, or
 * {@code perClient} from one address, within {@code window}, further attempts are refused
 * (429 with Retry-After) without checking the password until the window has passed. A successful
 * sign-in clears the account's count. Counted in memory per node.
 */
@Component
public class SignInThrottle {

    private final int perAccount;
    private final int perClient;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public SignInThrottle(@Value("${bpf.sign-in.max-failures-per-account:5}") int perAccount,
                          @Value("${bpf.sign-in.max-failures-per-client:20}") int perClient,
                          @Value("${bpf.sign-in.window:PT15M}") Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perClient = perClient;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until this account or client may try again, or 0 when it may try now. */
    public long retryAfterSeconds(String username, String clientAddress) {
        return Math.max(blockedFor("account:" + username, perAccount), blockedFor("client:" + clientAddress, perClient));
    }

    public void failed(String username, String clientAddress) {
        long now = clock.millis();
        record("account:" + username, now);
        if (clientAddress != null) {
            record("client:" + clientAddress, now);
        }
    }

    public void succeeded(String username) {
        failures.remove("account:" + username);
    }

    /** Only wrong passwords count: a sign-in that failed because the database was down is nobody's guess. */
    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private void record(String key, long now) {
        if (failures.size() > 100_000) {
            failures.entrySet().removeIf(entry -> blockedFor(entry.getKey(), Integer.MAX_VALUE) == 0 && expired(entry.getValue(), now));
        }
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > Math.max(perAccount, perClient)) {
                times.removeFirst();
            }
        }
    }

    private long blockedFor(String key, int limit) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        long now = clock.millis();
        synchronized (times) {
            times.removeIf(time -> time <= now - window.toMillis());
            if (times.size() < limit) {
                return 0;
            }
            long oldestCounted = times.stream().skip(times.size() - limit).findFirst().orElse(now);
            return Math.max(1, (oldestCounted + window.toMillis() - now + 999) / 1000);
        }
    }

    private boolean expired(Deque<Long> times, long now) {
        synchronized (times) {
            return times.isEmpty() || times.peekLast() <= now - window.toMillis();
        }
    }
}
