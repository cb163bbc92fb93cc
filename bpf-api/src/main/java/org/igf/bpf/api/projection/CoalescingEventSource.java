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
 * events committed meanwhile join the same batch. Under a steady stream of stage transitions each
 * processor then handles a few events per transaction (one token update, one read and one write per
 * row) instead of one transaction per event; the read models are at most {@code window} later.
 * <p>
 * Only the wait after being idle is lengthened: a processor that has events waiting (a replay, a
 * backlog) takes them at once, so a rebuild runs as fast as without it. Everything else, tokens
 * included, is the event store's own.
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

    /** The store's stream, with the wait after an idle spell lengthened by the window. */
    private record CoalescingStream(BlockingStream<TrackedEventMessage<?>> stream, long windowNanos)
            implements BlockingStream<TrackedEventMessage<?>> {

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (stream.hasNextAvailable()) {
                return true;
            }
            if (timeout <= 0 || !stream.hasNextAvailable(timeout, unit)) {
                return false;
            }
            // the first event after an idle spell: give the ones committed right after it time to arrive
            TimeUnit.NANOSECONDS.sleep(windowNanos);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
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
