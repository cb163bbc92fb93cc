package org.igf.bpf.api.projection;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescingEventSourceTest {

    private static final Duration WINDOW = Duration.ofMillis(300);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void theEventsCommittedWithinTheWindowAfterAnIdleSpellAreTakenTogether() throws Exception {
        CoalescingEventSource source = new CoalescingEventSource(store, WINDOW);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                pause(100);
                store.publish(GenericEventMessage.asEventMessage("first"));
                pause(50);
                store.publish(GenericEventMessage.asEventMessage("second"));
            });

            long start = System.nanoTime();
            assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            // the second event, published 50 ms after the first, is there when the processor looks
            List<Object> batch = payloads(stream);
            publishing.join();

            assertThat(batch).containsExactly("first", "second");
            assertThat(waitedMillis).isGreaterThanOrEqualTo(100 + WINDOW.toMillis() - 20);
        }
    }

    @Test
    void eventsAlreadyWaitingAreTakenWithoutDelay() throws Exception {
        for (int i = 0; i < 50; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
        CoalescingEventSource source = new CoalescingEventSource(store, WINDOW);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            long start = System.nanoTime();
            int read = 0;
            // as a processor replaying the store asks: once per event, each time willing to wait
            while (read < 50 && stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                stream.nextAvailable();
                read++;
            }
            assertThat(read).isEqualTo(50);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(WINDOW);
        }
    }

    @Test
    void noEventWithinTheTimeoutIsAnsweredAsWithoutTheWindow() throws Exception {
        CoalescingEventSource source = new CoalescingEventSource(store, WINDOW);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            long start = System.nanoTime();
            assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100).plus(WINDOW));
        }
    }

    private static List<Object> payloads(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            payloads.add(stream.nextAvailable().getPayload());
        }
        return payloads;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
