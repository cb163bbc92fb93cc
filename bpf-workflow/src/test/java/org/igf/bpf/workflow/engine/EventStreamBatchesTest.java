package org.igf.bpf.workflow.engine;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.igf.bpf.core.forum.CreateForum;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream is read in batches of 1,000 sequence numbers and ends at the first batch shorter than that,
 * without asking for one more: every event is read however the stream's length falls on the batches.
 * So is the tail of the store as the event store's producer reads it ({@code mayBlock}): every event
 * from the token on, in order, and reads at least the interval apart.
 */
@SpringBootTest
class EventStreamBatchesTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    ConnectionProvider connectionProvider;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    EventSchema eventSchema;

    @Test
    void everyEventIsReadWhereverTheStreamEndsAgainstTheBatches() {
        for (int length : new int[]{1, 999, 1000, 1001, 2000, 2345}) {
            ForumId forum = aForumWithEvents(length);

            List<Long> read = eventStore.readEvents(forum.value()).asStream().map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(read).as("a stream of %d events", length).containsExactlyElementsOf(LongStream.range(0, length).boxed().toList());

            List<Long> tail = eventStore.readEvents(forum.value(), length - 1).asStream().map(DomainEventMessage::getSequenceNumber).toList();
            assertThat(tail).as("the last event of a stream of %d", length).containsExactly((long) length - 1);
        }
    }

    @Test
    void aReadOfTheTailHoldsEveryEventFromTheTokenOnWhereverTheBatchesEnd() {
        for (int length : new int[]{1, 999, 1000, 1001, 2345}) {
            TrackingToken from = storageEngine.createHeadToken();
            ForumId forum = aForumWithEvents(length);

            List<Long> tail = globalIndexes(storageEngine.readEvents(from, true));
            List<Long> axons = globalIndexes(storageEngine.readEvents(from, false));
            List<Long> stored = jdbc.queryForList("select global_index from domain_event_entry where global_index > ? order by global_index",
                    Long.class, from == null ? -1 : from.position().orElseThrow());
            assertThat(stored).as("the events appended after the token").hasSizeGreaterThanOrEqualTo(length);
            assertThat(tail).as("the tail after %d events of forum %s", length, forum).containsExactlyElementsOf(stored);
            assertThat(tail).isEqualTo(axons);
        }
    }

    @Test
    void readsOfTheTailBeginAtLeastTheIntervalApart() {
        // an engine like the application's on the same store, with an interval far longer than a read takes here
        Duration interval = Duration.ofMillis(250);
        ApplicationEventStorageEngine engine = new ApplicationEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(eventSerializer)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(1000), interval);
        TrackingToken head = engine.createHeadToken();
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            try (Stream<? extends TrackedEventMessage<?>> read = engine.readEvents(head, true)) {
                read.count();
            }
        }
        // the first read may begin at once, each of the three after it an interval after the one before
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(interval.multipliedBy(3));
    }

    private static List<Long> globalIndexes(Stream<? extends TrackedEventMessage<?>> events) {
        try (events) {
            return events.map(event -> event.trackingToken().position().orElseThrow()).toList();
        }
    }

    /** A forum opened by its command, its stream lengthened to {@code length} events by copies of its first row. */
    private ForumId aForumWithEvents(int length) {
        ForumId forum = ForumId.random();
        commands.sendAndWait(new CreateForum(forum, 2015, "Spam", List.of("coordinator"), new Actor("secretariat", "SECRETARIAT"), Instant.now()));
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data) "
                + "select gen_random_uuid()::text, e.aggregate_identifier, g, e.type, e.time_stamp, e.payload_type, e.payload_revision, "
                + "e.payload, e.meta_data from domain_event_entry e, generate_series(1, ?) g "
                + "where e.aggregate_identifier = ? and e.sequence_number = 0 order by g", length - 1, forum.value());
        return forum;
    }
}
