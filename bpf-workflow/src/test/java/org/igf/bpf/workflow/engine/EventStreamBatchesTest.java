package org.igf.bpf.workflow.engine;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.igf.bpf.core.forum.CreateForum;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream is read in batches of 1,000 sequence numbers and ends at the first batch shorter than that,
 * without asking for one more: every event is read however the stream's length falls on the batches.
 */
@SpringBootTest
class EventStreamBatchesTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

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
