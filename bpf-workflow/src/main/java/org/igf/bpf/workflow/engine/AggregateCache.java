package org.igf.bpf.workflow.engine;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.RepositoryProvider;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.igf.bpf.core.shared.LeastRecentlyUsed;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The aggregates of one type kept in memory between commands, so that a command does not replay a
 * forum's whole event stream (a consultation holds thousands of comments). Axon's caching repository
 * puts an aggregate here when its unit of work prepares to commit and removes it when the unit of
 * work rolls back; this cache adds what the shared database and the shared transactions need:
 * <ul>
 * <li><b>Only committed state is shared.</b> A command handled inside a caller's transaction (a
 * Camunda delegate, a request with an {@code Idempotency-Key}) finishes its unit of work while that
 * transaction is still open and may still roll back. Such an aggregate is taken out of the cache
 * when its unit of work completes, before the aggregate's lock is released, so no other command sees
 * events that are not committed; a command in the meantime reads the stream. Once that transaction
 * has committed, the aggregate comes back (unless a later version is there already), so the next
 * stage transition does not replay the forum's stream; a rollback leaves it out.</li>
 * <li><b>Another node may have appended.</b> Before a cached aggregate is used, the store's last
 * sequence number of that aggregate is read (one indexed lookup); if it differs from the cached
 * version the entry is dropped and the aggregate is read from the store. A node appending between
 * that check and this node's append still loses on the unique key ({@code ConcurrencyException});
 * the rollback evicts the entry and {@link RetryingCommandGateway} runs the command once more. A caller
 * that runs its own work again after such a lost race may skip the read for the commands of its unit of
 * work ({@link #trustCachedVersions}): a stale entry then costs it one lost race instead of a read before
 * every command.</li>
 * <li><b>Bounded.</b> At most {@code capacity} aggregates, the least recently used leaving first.</li>
 * </ul>
 */
public class AggregateCache implements Cache {

    /** The resource of a root unit of work whose commands use cached aggregates unchecked ({@link #trustCachedVersions}). */
    private static final String TRUSTS_CACHED_VERSIONS = AggregateCache.class.getName() + ".trustsCachedVersions";

    /**
     * The event store, looked up once, on first use: it is built after the caches, and looking it up
     * for every command resolved the bean each time.
     */
    private final Supplier<EventStore> eventStore;
    private final Map<Object, Object> entries;

    public AggregateCache(int capacity, Supplier<EventStore> eventStore) {
        this.eventStore = SingletonSupplier.of(eventStore);
        this.entries = new LeastRecentlyUsed<>(capacity);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return null;
        }
        if (!trustsCachedVersions() && !Objects.equals(cachedVersion(entry), storedVersion(key))) {
            remove(key);
            return null;
        }
        return (V) entry;
    }

    /**
     * Lets the commands of this unit of work, and of the units nested in it, use a cached aggregate without
     * reading the store's last sequence number first. Only for a caller that runs its own transaction and
     * runs its work again when it loses the race for an aggregate's next sequence number: if another node
     * appended since the aggregate was cached, the append fails on the unique key, the rollback evicts the
     * entry, and the next attempt reads the stored aggregate. A command inside a caller's transaction
     * cannot be run again, and keeps the read.
     */
    public static void trustCachedVersions(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(TRUSTS_CACHED_VERSIONS, Boolean.TRUE);
    }

    private static boolean trustsCachedVersions() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(TRUSTS_CACHED_VERSIONS);
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
        }
        evictWhenLeftInOpenTransaction(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        boolean absent;
        synchronized (entries) {
            absent = entries.putIfAbsent(key, value) == null;
        }
        if (absent) {
            evictWhenLeftInOpenTransaction(key, value);
        }
        return absent;
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true; // nothing listens to aggregate entries
    }

    /** How many aggregates are held now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /**
     * After the unit of work has committed, a Spring transaction that is still active is the
     * caller's: the aggregate's events are not committed yet. Evict it now (the aggregate's lock is
     * still held), and put it back once that transaction has committed.
     */
    private void evictWhenLeftInOpenTransaction(Object key, Object value) {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return; // the unit of work's own transaction committed
            }
            remove(key);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status == STATUS_COMMITTED) {
                            restore(key, value);
                        } else {
                            remove(key);
                        }
                    }
                });
            }
        }));
    }

    /**
     * Puts back an aggregate whose transaction committed, unless the cache holds a later version
     * (a later command of the same transaction, or one that ran after it). An entry that is older than
     * the store by then is dropped by {@link #get} as any other.
     */
    private void restore(Object key, Object value) {
        Long version = cachedVersion(value);
        synchronized (entries) {
            Object held = entries.get(key);
            if (held == null || cachedVersion(held) < version) {
                entries.put(key, value);
            }
        }
    }

    private Long storedVersion(Object key) {
        Optional<Long> last = eventStore.get().lastSequenceNumberFor(key.toString());
        return last.orElse(null);
    }

    /**
     * An entry made in this JVM holds the aggregate itself, which {@code recreateAggregate} answers
     * without using its arguments; an entry of any other form counts as unknown, i.e. stale.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Long cachedVersion(Object entry) {
        if (!(entry instanceof AggregateCacheEntry cacheEntry)) {
            return -1L;
        }
        try {
            EventSourcedAggregate<?> aggregate = cacheEntry.recreateAggregate((AggregateModel) null, (EventStore) null,
                    (RepositoryProvider) null, (SnapshotTriggerDefinition) null);
            return aggregate == null ? -1L : aggregate.version();
        } catch (RuntimeException notInMemory) {
            return -1L;
        }
    }
}
