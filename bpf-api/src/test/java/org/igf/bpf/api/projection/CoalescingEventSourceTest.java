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
            List<Object> batch = batch(stream, Integer.MAX_VALUE);
            publishing.join();

            assertThat(batch).containsExactly("first", "second");
            assertThat(waitedMillis).isGreaterThanOrEqualTo(100 + WINDOW.toMillis() - 20);
        }
    }

    @Test
    void eventsAlreadyWaitingAreTakenWithoutDelay() throws Exception {
        publishEvents(50);
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
    void underASteadyStreamABatchBeginsNoSoonerThanAWindowAfterThePreviousOne() throws Exception {
        CoalescingEventSource source = new CoalescingEventSource(store, WINDOW);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            // an event every 10 ms for 1.2 s
            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 120; i++) {
                    store.publish(GenericEventMessage.asEventMessage("event " + i));
                    pause(10);
                }
            });
            List<Long> began = new ArrayList<>();
            List<List<Object>> batches = new ArrayList<>();
            int taken = 0;
            while (taken < 120 && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
                began.add(System.nanoTime());
                List<Object> batch = batch(stream, 1000);
                batches.add(batch);
                taken += batch.size();
                pause(30); // handling the batch: the next events are waiting when it asks again
            }
            publishing.join();

            assertThat(taken).isEqualTo(120);
            // without the window between batches, each batch would hold the three or so events of the last 30 ms
            assertThat(batches).hasSizeLessThanOrEqualTo(6);
            for (int i = 1; i < began.size(); i++) {
                assertThat(Duration.ofNanos(began.get(i) - began.get(i - 1))).isGreaterThanOrEqualTo(WINDOW.minusMillis(20));
            }
        }
    }

    @Test
    void aBatchThatEndedFullLeavesABacklogThatIsTakenAtOnce() throws Exception {
        publishEvents(50);
        CoalescingEventSource source = new CoalescingEventSource(store, WINDOW);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createTailToken())) {
            long start = System.nanoTime();
            List<Integer> sizes = new ArrayList<>();
            // as a processor with a batch size of 10 asks
            while (sizes.stream().mapToInt(Integer::intValue).sum() < 50 && stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                sizes.add(batch(stream, 10).size());
            }
            assertThat(sizes).containsExactly(10, 10, 10, 10, 10);
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

    /** What a tracking processor does once the stream said an event is there: takes events while one is there and the batch has room. */
    private static List<Object> batch(BlockingStream<TrackedEventMessage<?>> stream, int batchSize) throws InterruptedException {
        List<Object> batch = new ArrayList<>();
        batch.add(stream.nextAvailable().getPayload());
        while (batch.size() < batchSize && stream.peek().isPresent()) {
            batch.add(stream.nextAvailable().getPayload());
        }
        return batch;
    }

    private void publishEvents(int count) {
        for (int i = 0; i < count; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
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
