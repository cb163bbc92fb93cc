package org.igf.bpf.api.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections' processors read it: a processor that has caught up and waits
 * for the next event, when one arrives, waits {@code window} longer before it takes it, so that the
 * events committed meanwhile join the same batch; and a processor whose last batch took every event
 * there was begins its next one no sooner than {@code window} after that one began. Under a steady
 * stream of changes each processor then handles the events of a window per transaction (one token
 * update, one read and one write per row) instead of one transaction per event, or per the few events
 * committed while it handled its last batch; the read models are at most about {@code window} later.
 * <p>
 * A processor whose last batch ended full (a replay, a backlog) takes the next one at once, so a rebuild
 * runs as fast as without it. Everything else, tokens included, is the event store's own.
 */
public final class CoalescingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long windowNanos;

    public CoalescingEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("The coalescing window cannot be negative: " + window);
        }
        this.events = events;
        this.windowNanos = window.toNanos();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = events.openStream(trackingToken);
        return windowNanos == 0 ? stream : new CoalescingStream(stream, windowNanos);
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    /**
     * The store's stream, with the wait after an idle spell lengthened by the window, and a batch begun no
     * sooner than a window after the previous one when that one had taken every event there was. One
     * processor's thread uses a stream, so its fields need no guard.
     */
    private static final class CoalescingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final long windowNanos;
        private long batchBegan;
        private boolean caughtUp;

        private CoalescingStream(BlockingStream<TrackedEventMessage<?>> stream, long windowNanos) {
            this.stream = stream;
            this.windowNanos = windowNanos;
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        /**
         * A processor asks this once per batch, then takes events while {@link #peek()} finds one and the batch
         * has room. When its last look found none, the batch before had caught up with the store: under a steady
         * stream the next one waits until a window after that one began, so the events committed meanwhile join
         * it. A batch that ended full leaves a backlog, which is taken at once.
         */
        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (stream.hasNextAvailable()) {
                if (caughtUp) {
                    TimeUnit.NANOSECONDS.sleep(batchBegan + windowNanos - System.nanoTime()); // nothing when the window has passed
                }
            } else if (timeout <= 0 || !stream.hasNextAvailable(timeout, unit)) {
                return false;
            } else {
                // the first event after an idle spell: give the ones committed right after it time to arrive
                TimeUnit.NANOSECONDS.sleep(windowNanos);
            }
            batchBegan = System.nanoTime();
            caughtUp = false;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            Optional<TrackedEventMessage<?>> next = stream.peek();
            caughtUp = next.isEmpty();
            return next;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
