package org.igf.bpf.workflow.engine;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC event storage engine, reading with fewer queries.
 * <p>
 * The application takes no snapshots: aggregates are kept in the aggregate cache between commands and
 * their streams are short or cached, so no snapshotter is configured. Reading an aggregate therefore does
 * not first ask the snapshot table (one database round trip per load and per fold saved), and an attempt
 * to store a snapshot fails loudly rather than writing snapshots nobody would read.
 * <p>
 * Nor does reading a stream end with a query that finds nothing. Axon's JDBC engine reads an aggregate
 * in batches of sequence numbers ({@code >= first and < first + batch size}) and, in case a stream has
 * gaps, keeps reading until a batch comes back empty: every load and every fold of a forum cost two
 * queries, each in its own transaction. Here a stream has no gaps (an event's sequence number is the
 * previous one's plus one, unique per aggregate, and no event is ever deleted: the audit chain would
 * break), so a batch shorter than the batch size is the last.
 * <p>
 * The tail of the store, which the event store's producer reads for the projections whenever an event
 * was committed on this node (and every {@code fetchDelay} otherwise), is read at most once per
 * {@code tailReadInterval}, and a read ends with its first batch shorter than the batch size. Axon's
 * engine reads until a batch comes back empty, and an empty read asks once more for the lowest index
 * beyond it (its check for a wide gap); its producer reads again at once after a read that found events.
 * Under a steady stream of commits that was a read, an empty read and that check, each in its own
 * transaction, for nearly every commit. A partial batch does not prove that no event lies beyond it
 * (the global index has gaps where a transaction rolled back), but the next read starts where this one
 * ended, with Axon's own gap handling, so nothing is skipped: it is found one read later.
 */
final class ApplicationEventStorageEngine extends JdbcEventStorageEngine {

    private final long tailReadIntervalNanos;
    private long lastTailRead;

    ApplicationEventStorageEngine(JdbcEventStorageEngine.Builder builder, Duration tailReadInterval) {
        super(builder);
        this.tailReadIntervalNanos = tailReadInterval.toNanos();
        this.lastTailRead = System.nanoTime() - tailReadIntervalNanos;
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return mayBlock
                ? StreamSupport.stream(new TailRead(trackingToken), false)
                : super.readEventData(trackingToken, false);
    }

    /** Waits until the interval has passed since the previous read of the tail began (reads of the tail come from one thread). */
    private void paceTailRead() {
        long rest;
        synchronized (this) {
            long now = System.nanoTime();
            long due = Math.max(now, lastTailRead + tailReadIntervalNanos);
            lastTailRead = due;
            rest = due - now;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(rest); // nothing when the interval has passed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One read of the tail: batches from the token on, up to the first batch shorter than the batch size. */
    private final class TailRead extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken token;
        private Iterator<? extends TrackedEventData<?>> batch;
        private boolean last;

        private TailRead(TrackingToken token) {
            super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT);
            this.token = token;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (batch == null || !batch.hasNext()) {
                if (last) {
                    return false;
                }
                if (batch == null) {
                    paceTailRead(); // the read's first query
                }
                List<? extends TrackedEventData<?>> events = fetchTrackedEvents(token, batchSize());
                last = events.size() < batchSize();
                batch = events.iterator();
                if (events.isEmpty()) {
                    return false;
                }
            }
            TrackedEventData<?> next = batch.next();
            token = next.trackingToken();
            action.accept(next);
            return true;
        }
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("This application takes no snapshots (see ApplicationEventStorageEngine); "
                + "enabling a snapshotter needs this storage engine to read them again");
    }
}
