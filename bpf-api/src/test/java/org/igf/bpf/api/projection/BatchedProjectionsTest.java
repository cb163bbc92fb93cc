package org.igf.bpf.api.projection;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.dashboard.query.DashboardProjection;
import org.igf.bpf.api.forum.query.ForumProjection;
import org.igf.bpf.core.forum.DiscussionStarted;
import org.igf.bpf.core.forum.DraftingStarted;
import org.igf.bpf.core.forum.ExpertRegistered;
import org.igf.bpf.core.forum.ForumCreated;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection folds all events of a forum within one batch in memory and writes the row once, when
 * the batch commits: the row is the same as when every event came in a batch of its own. The events
 * here go to the projections directly (not through the event store), under a forum id of their own.
 */
@ApiTest
class BatchedProjectionsTest {

    static final Actor ANA = new Actor("ana", "COORDINATOR");
    static final Instant START = Instant.parse("2015-03-03T10:00:00Z");

    @Autowired
    DashboardProjection dashboard;
    @Autowired
    ForumProjection forumViews;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @CsvSource({"dashboard, dashboard_forum", "forum-views, forum_view"})
    void severalEventsOfAForumInOneBatchGiveTheSameRowAsOneEventPerBatch(String projection, String table) {
        AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(projection.equals("dashboard") ? dashboard : forumViews);
        ForumId forum = new ForumId("batch-" + UUID.randomUUID());
        List<ForumEvent> events = List.of(
                new ForumCreated(forum, 2015, "Batches", List.of("ana"), ANA, START),
                new ExpertRegistered(forum, "Ben", StakeholderGroup.CIVIL_SOCIETY, null, ANA, day(1)),
                new ExpertRegistered(forum, "Chen", StakeholderGroup.ACADEMIA, null, ANA, day(2)),
                new ExpertRegistered(forum, "Dee", StakeholderGroup.TECHNICAL_COMMUNITY, null, ANA, day(3)),
                new DiscussionStarted(forum, 3, 3, ANA, day(5)),
                new DraftingStarted(forum, ANA, day(20)));

        try {
            foldOneByOneAndInOneBatch(handler, table, forum, events);
        } finally {
            deleteRow(table, forum);
        }
    }

    private void foldOneByOneAndInOneBatch(AnnotationEventHandlerAdapter handler, String table, ForumId forum, List<ForumEvent> events) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            inOneBatch(handler, List.of(message(events.get(sequence), sequence)), () -> { });
        }
        String oneAtATime = row(table, forum);
        assertThat(oneAtATime).contains("Batches");
        deleteRow(table, forum);

        List<GenericDomainEventMessage<ForumEvent>> batch = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            batch.add(message(events.get(sequence), sequence));
        }
        // an event delivered again within the batch is recognised as applied, from the buffered row
        batch.add(message(events.get(2), 2));
        inOneBatch(handler, batch, () -> assertThat(row(table, forum)).as("written only when the batch commits").isNull());

        assertThat(row(table, forum)).isEqualTo(oneAtATime);

        inOneBatch(handler, batch, () -> { });
        assertThat(row(table, forum)).as("a batch delivered again changes nothing").isEqualTo(oneAtATime);
    }

    private void inOneBatch(AnnotationEventHandlerAdapter handler, List<GenericDomainEventMessage<ForumEvent>> messages,
                            Runnable beforeCommit) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactionManager);
        try {
            for (GenericDomainEventMessage<ForumEvent> message : messages) {
                handler.handle(message);
            }
            beforeCommit.run();
        } catch (Exception e) {
            batch.rollback(e);
            throw new AssertionError(e);
        }
        batch.commit();
    }

    private static GenericDomainEventMessage<ForumEvent> message(ForumEvent event, long sequence) {
        return new GenericDomainEventMessage<>("ForumAggregate", event.forumId().value(), sequence, event);
    }

    /** Deletes the test's row; like every write of dashboard_forum, it moves the dashboard's generation on after it. */
    private void deleteRow(String table, ForumId forum) {
        jdbc.update("delete from " + table + " where forum_id = ?", forum.value());
        if (table.equals("dashboard_forum")) {
            jdbc.update("update dashboard_generation set generation = generation + 1 where id = 1");
        }
    }

    private String row(String table, ForumId forum) {
        // the whole row, documents included, but for the id
        return jdbc.query("select (to_jsonb(t) - 'forum_id')::text from " + table + " t where forum_id = ?",
                (rs, i) -> rs.getString(1), forum.value()).stream().findFirst().orElse(null);
    }

    private static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }
}
