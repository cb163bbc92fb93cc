package org.igf.bpf.api.account;

import org.igf.bpf.api.config.AfterCommit;
import org.igf.bpf.api.config.ChannelListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The account rows that sign-in reads, kept in memory so that a request's Basic authentication does
 * not read the account table every time, and dropped as soon as any account changes, on every node:
 * the table's trigger announces every committed change on the channel {@value #CHANNEL}, whoever made
 * it, and each node listens there ({@link ChannelListener}). The node that makes a change also drops
 * its rows right after its own transaction commits, so that its next request never finds the old
 * row. Rows are kept only while the node listens: from a broken connection until it listens again
 * every sign-in reads the table. A row read while a change was being committed is not kept. A kept
 * row is read again after {@code bpf.accounts.sign-in-cache-ttl} at the latest, for the one case
 * nothing can detect: a listening connection that silently stopped delivering.
 */
@Component
public class SignInCache implements AutoCloseable {

    static final String CHANNEL = "bpf_accounts";
    /** More accounts than this in memory: the cache starts again (an organisation has hundreds). */
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(AccountStore.Credentials credentials, long readAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts the changes heard (and breaks of the listening connection): a row read across one is not kept. */
    private final AtomicLong changes = new AtomicLong();
    private final long ttlNanos;
    private volatile boolean listening;
    private final ChannelListener listener;

    public SignInCache(DataSource dataSource, @Value("${bpf.accounts.sign-in-cache-ttl:10s}") Duration ttl) {
        this.ttlNanos = ttl.toNanos();
        this.listener = new ChannelListener(dataSource, CHANNEL, "account-notifications", new ChannelListener.Subscriber() {
            @Override
            public void subscribed() {
                forgetAll();
                listening = true;
            }

            @Override
            public void notified(String username) {
                forgetAll();
            }

            @Override
            public void unsubscribed() {
                listening = false;
                forgetAll();
            }
        });
    }

    /** The account's row: the one kept, else read by {@code store} (and kept if nothing changed meanwhile). */
    Optional<AccountStore.Credentials> find(String username, Function<String, Optional<AccountStore.Credentials>> store) {
        if (!listening) {
            return store.apply(username);
        }
        long now = System.nanoTime();
        Entry kept = entries.get(username);
        if (kept != null && now - kept.readAtNanos() < ttlNanos) {
            return Optional.of(kept.credentials());
        }
        long changesBefore = changes.get();
        Optional<AccountStore.Credentials> read = store.apply(username);
        if (read.isPresent()) { // an unknown name is not kept
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Entry entry = new Entry(read.get(), now);
            entries.put(username, entry);
            if (changes.get() != changesBefore) { // a change heard (or listening lost) since the read: it may be the old row
                entries.remove(username, entry);
            }
        }
        return read;
    }

    /**
     * An account is being changed: its rows are dropped once the caller's transaction commits (at once
     * without one). Every node drops them again when it hears of the change.
     */
    void changing() {
        AfterCommit.run(this::forgetAll);
    }

    /** Whether rows are being kept: the node listens for changes. */
    boolean listening() {
        return listening;
    }

    private void forgetAll() {
        changes.incrementAndGet(); // first: a row being read now is not kept
        entries.clear();
    }

    @Override
    public void close() throws InterruptedException {
        listener.close();
    }
}
