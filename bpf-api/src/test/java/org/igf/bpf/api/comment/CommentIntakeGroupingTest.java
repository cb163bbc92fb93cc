package org.igf.bpf.api.comment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.modelling.command.ConcurrencyException;
import org.igf.bpf.core.forum.CommentDecision;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.SubmitComment;
import org.igf.bpf.core.forum.SubmitComments;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.RuleViolation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Comments that arrive while a batch is committed are committed together, and each caller gets its own answer. */
class CommentIntakeGroupingTest {

    private static final ForumId FORUM = new ForumId("forum-1");
    private static final Actor PUBLIC = new Actor("public", "PUBLIC");

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> emails = new ConcurrentHashMap<>();
    private final CountDownLatch firstBatchArrived = new CountDownLatch(1);
    private final CountDownLatch firstBatchMayFinish = new CountDownLatch(1);
    private final AtomicBoolean firstCall = new AtomicBoolean(true);
    private final AtomicInteger conflictsLeft = new AtomicInteger();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommentContacts contacts = new CommentContacts(null) {
        @Override
        public void record(Map<String, String> emailsByComment) {
            emails.putAll(emailsByComment);
        }
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CommentIntake intake = new CommentIntake(DefaultCommandGateway.builder().commandBus(bus).build(),
            NoTransactionManager.INSTANCE, contacts, meters, 256, 2);
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    CommentIntakeGroupingTest() {
        // a stand-in for the forum: refuses paragraph 99, fails a batch with paragraph 13, holds the first batch
        // until told, can lose races
        bus.subscribe(SubmitComments.class.getName(), message -> {
            SubmitComments command = (SubmitComments) message.getPayload();
            List<String> ids = command.comments().stream().map(e -> e.comment().commentId()).toList();
            if (firstCall.compareAndSet(true, false)) {
                firstBatchArrived.countDown();
                firstBatchMayFinish.await();
            }
            if (command.comments().stream().anyMatch(e -> Integer.valueOf(13).equals(e.comment().paragraph()))) {
                throw new IllegalStateException("the store failed this batch");
            }
            if (conflictsLeft.getAndDecrement() > 0) {
                throw new ConcurrencyException("another node appended first");
            }
            batches.add(ids);
            return command.comments().stream().map(e -> Integer.valueOf(99).equals(e.comment().paragraph())
                    ? CommentDecision.refused(e.comment().commentId(), new RuleViolation("comment.unknown-paragraph", "No paragraph 99."))
                    : CommentDecision.accepted(e.comment().commentId())).toList();
        });
    }

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
        intake.stop();
    }

    private Future<?> submit(String id, Integer paragraph, String email) {
        return clients.submit(() -> intake.submit(new SubmitComment(FORUM, id, paragraph, "Jane", "Text", PUBLIC, Instant.now()), email));
    }

    private void awaitWaiting(int comments) throws InterruptedException {
        while (intake.waiting(FORUM) < comments) {
            Thread.sleep(5);
        }
    }

    @Test
    void commentsArrivingDuringABatchAreCommittedTogetherEachWithItsOwnAnswer() throws Exception {
        Future<?> first = submit("c0", 1, null);
        firstBatchArrived.await();
        List<Future<?>> next = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            next.add(submit("c" + i, i == 3 ? 99 : 1, "c" + i + "@example.org"));
        }
        awaitWaiting(5);
        firstBatchMayFinish.countDown();

        first.get();
        for (int i = 1; i <= 5; i++) {
            if (i == 3) {
                Future<?> refused = next.get(i - 1);
                assertThatThrownBy(refused::get).hasCauseInstanceOf(RuleViolation.class)
                        .cause().extracting(e -> ((RuleViolation) e).code()).isEqualTo("comment.unknown-paragraph");
            } else {
                next.get(i - 1).get();
            }
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("c0");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("c1", "c2", "c3", "c4", "c5");
        assertThat(emails).containsOnlyKeys("c1", "c2", "c4", "c5"); // not the refused comment's
        // the meters: two batches of 1 and 5 comments (the refused one was in its batch), both committed
        assertThat(meters.get(CommentIntake.BATCH_SIZE).summary().count()).isEqualTo(2);
        assertThat(meters.get(CommentIntake.BATCH_SIZE).summary().totalAmount()).isEqualTo(6.0);
        assertThat(meters.get(CommentIntake.BATCH_SIZE).summary().max()).isEqualTo(5.0);
        assertThat(meters.get(CommentIntake.COMMIT).tag("outcome", "committed").timer().count()).isEqualTo(2);
        assertThat(meters.get(CommentIntake.COMMIT).tag("outcome", "failed").timer().count()).isZero();
        assertThat(meters.get(CommentIntake.CONFLICTS).counter().count()).isZero();
        assertThat(meters.get(CommentIntake.WAITING).gauge().value()).isZero();
    }

    @Test
    void theWaitingMeterCountsTheCommentsQueuedBehindTheBatchBeingCommitted() throws Exception {
        Future<?> first = submit("c0", 1, null);
        firstBatchArrived.await();
        Future<?> second = submit("c1", 1, null);
        Future<?> third = submit("c2", 1, null);
        awaitWaiting(2);

        assertThat(meters.get(CommentIntake.WAITING).gauge().value()).isEqualTo(2.0);

        firstBatchMayFinish.countDown();
        first.get();
        second.get();
        third.get();
        assertThat(meters.get(CommentIntake.WAITING).gauge().value()).isZero();
    }

    @Test
    void aBatchThatLostTheRaceForTheForumsNextEventRunsAgain() throws Exception {
        firstBatchMayFinish.countDown();
        conflictsLeft.set(2);

        submit("c1", 1, null).get();

        assertThat(batches).containsExactly(List.of("c1"));
        assertThat(meters.get(CommentIntake.CONFLICTS).counter().count()).isEqualTo(2.0);
        assertThat(meters.get(CommentIntake.COMMIT).tag("outcome", "committed").timer().count()).isEqualTo(1);
    }

    @Test
    void aBatchThatFailsIsTimedAsFailedAndCountsNoComments() throws Exception {
        firstBatchMayFinish.countDown();

        assertThatThrownBy(() -> submit("c1", 13, null).get()).hasCauseInstanceOf(IllegalStateException.class);

        assertThat(meters.get(CommentIntake.COMMIT).tag("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(meters.get(CommentIntake.COMMIT).tag("outcome", "committed").timer().count()).isZero();
        assertThat(meters.get(CommentIntake.BATCH_SIZE).summary().count()).isZero();
    }
}
