package org.igf.bpf.api.comment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.igf.bpf.api.web.DatabaseFailures;
import org.igf.bpf.core.forum.CommentDecision;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.SubmitComment;
import org.igf.bpf.core.forum.SubmitComments;
import org.igf.bpf.workflow.engine.AggregateCache;
import org.igf.bpf.workflow.engine.MessageAttribution;
import org.igf.bpf.workflow.engine.RequestCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes comments into a forum's consultation with group commit. All comments to one forum go
 * through the one forum aggregate, so committing them one by one would make them queue for it;
 * instead the comments that arrive while a batch is being committed are collected and committed
 * together as the next batch: one transaction with one {@link SubmitComments} command (every comment
 * decided on its own by the aggregate's rules) and the commenters' email rows. Each caller waits for
 * its own comment's decision, given only after the batch committed: an acknowledged comment is a
 * committed one, a refused comment gets its own refusal. A batch that lost the forum's next event to
 * another node is run again on the stored state.
 * <p>
 * One batch per forum is in flight at a time (on a small pool of committer threads, shared by all
 * forums, each batch letting the next forum's batch go first). A caller that is already inside a
 * transaction (a request with an {@code Idempotency-Key}, whose answer is stored in that
 * transaction) cannot wait for another transaction to commit: its comment is submitted directly, in
 * its own transaction, as a single {@link SubmitComment}, and a lost race is retried by the caller.
 * <p>
 * Its meters (in {@code /actuator/prometheus}) say how well the grouping works: the comments per
 * committed batch ({@value #BATCH_SIZE}), the time to commit a batch ({@value #COMMIT}, by outcome,
 * lost races and their retries included), the batches run again after a lost race
 * ({@value #CONFLICTS}) and the comments waiting for a batch now ({@value #WAITING}).
 */
@Component
public class CommentIntake {

    private static final Logger log = LoggerFactory.getLogger(CommentIntake.class);
    /**
     * A lost race is never the commenter's conflict, so a batch keeps trying for a while: after a
     * database outage every node flushes its waiting batches into the same forum at once, and eight
     * quick attempts were once not enough there (a 409 for a comment).
     */
    private static final int MAX_ATTEMPTS = 30;
    private static final long MAX_PAUSE_MILLIS = 200;
    static final String BATCH_SIZE = "bpf.comments.intake.batch.size";
    static final String COMMIT = "bpf.comments.intake.commit";
    static final String CONFLICTS = "bpf.comments.intake.conflicts";
    static final String WAITING = "bpf.comments.intake.waiting";

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final CommentContacts contacts;
    private final int maxBatch;
    private final ExecutorService committers;
    private final Map<ForumId, Lane> lanes = new ConcurrentHashMap<>();
    private final DistributionSummary batchSizes;
    private final Timer committedBatches;
    private final Timer failedBatches;
    private final Counter conflicts;

    public CommentIntake(CommandGateway commands, TransactionManager transactions, CommentContacts contacts, MeterRegistry meters,
                         @Value("${bpf.comments.intake.max-batch:256}") int maxBatch,
                         @Value("${bpf.comments.intake.committers:4}") int committerThreads) {
        this.commands = commands;
        this.transactions = transactions;
        this.contacts = contacts;
        this.maxBatch = maxBatch;
        this.batchSizes = DistributionSummary.builder(BATCH_SIZE)
                .description("Comments per batch that the comment intake committed, accepted and refused").register(meters);
        this.committedBatches = commitTimer(meters, "committed");
        this.failedBatches = commitTimer(meters, "failed");
        this.conflicts = Counter.builder(CONFLICTS)
                .description("Comment batches run again because another node appended to the forum first").register(meters);
        Gauge.builder(WAITING, this, CommentIntake::waitingInAll)
                .description("Comments waiting for their batch, all forums (not counting the batches being committed)").register(meters);
        AtomicInteger number = new AtomicInteger();
        this.committers = Executors.newFixedThreadPool(committerThreads, runnable -> {
            Thread thread = new Thread(runnable, "comment-intake-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Submits the comment and answers once it is committed; a refused comment throws the aggregate's
     * {@link org.igf.bpf.core.shared.RuleViolation}, a failed commit its exception.
     */
    public void submit(SubmitComment comment, String email) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            commands.sendAndWait(comment);
            contacts.record(emailOf(comment, email));
            return;
        }
        Pending pending = new Pending(comment, email, attribution(comment), new CompletableFuture<>());
        Lane lane = lanes.computeIfAbsent(comment.forumId(), Lane::new);
        lane.queue.add(pending);
        lane.scheduleIfIdle();
        CommentDecision decision = await(pending.decision);
        if (!decision.isAccepted()) {
            throw decision.refusal();
        }
    }

    private static Timer commitTimer(MeterRegistry meters, String outcome) {
        return Timer.builder(COMMIT).tag("outcome", outcome)
                .description("Time to commit one batch of comments, lost races and their retries included").register(meters);
    }

    private double waitingInAll() {
        long waiting = 0;
        for (Lane lane : lanes.values()) {
            waiting += lane.queue.size();
        }
        return waiting;
    }

    /** How many comments to the forum wait for their batch (not counting the batch being committed). */
    int waiting(ForumId forumId) {
        Lane lane = lanes.get(forumId);
        return lane == null ? 0 : lane.queue.size();
    }

    @PreDestroy
    void stop() {
        committers.shutdown();
    }

    /** The comments of one forum waiting for their batch, and whether a committer is on them. */
    private final class Lane {
        final ForumId forumId;
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean scheduled = new AtomicBoolean();

        Lane(ForumId forumId) {
            this.forumId = forumId;
        }

        void scheduleIfIdle() {
            if (scheduled.compareAndSet(false, true)) {
                committers.execute(this::commitNextBatch);
            }
        }

        /** Commits one batch, then lets other forums' batches go first if more comments are waiting. */
        void commitNextBatch() {
            List<Pending> batch = new ArrayList<>();
            try {
                for (Pending next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    commit(forumId, batch);
                }
            } catch (RuntimeException | Error unexpected) {
                log.error("Comment intake of forum {} failed", forumId, unexpected);
                batch.forEach(pending -> pending.decision.completeExceptionally(unexpected)); // no caller waits forever
            } finally {
                scheduled.set(false);
                if (!queue.isEmpty()) {
                    scheduleIfIdle();
                }
            }
        }
    }

    private record Pending(SubmitComment comment, String email, Map<String, String> metaData,
                           CompletableFuture<CommentDecision> decision) {
    }

    private void commit(ForumId forumId, List<Pending> batch) {
        long started = System.nanoTime();
        try {
            List<CommentDecision> decisions = commitRetryingConflicts(forumId, batch);
            committedBatches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSizes.record(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).decision.complete(decisions.get(i));
            }
        } catch (RuntimeException failed) {
            failedBatches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (batch.size() == 1 || failed instanceof ConcurrencyException || DatabaseFailures.isUnavailable(failed)) {
                batch.forEach(pending -> pending.decision.completeExceptionally(failed));
            } else {
                // whatever else failed the batch (a fault of one comment?), each comment gets its own answer
                batch.forEach(pending -> commit(forumId, List.of(pending)));
            }
        }
    }

    private List<CommentDecision> commitRetryingConflicts(ForumId forumId, List<Pending> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commitOnce(forumId, batch);
            } catch (ConcurrencyException lostRace) {
                if (attempt == MAX_ATTEMPTS) {
                    throw lostRace;
                }
                conflicts.increment();
                sleepAWhile(attempt);
            }
        }
    }

    /**
     * The command and the email rows in one unit of work and its one transaction. The command runs in
     * a unit of work nested in this one, so its events are appended, and the forum left in the
     * aggregate cache, only when this one commits. The cached forum is used without reading the
     * store's last sequence number first ({@link AggregateCache#trustCachedVersions}): a batch on a forum
     * that another node appended to since loses the race and runs again ({@link #commitRetryingConflicts}),
     * and the batches in between save a round trip to the database each.
     */
    private List<CommentDecision> commitOnce(ForumId forumId, List<Pending> batch) {
        SubmitComments command = new SubmitComments(forumId, batch.stream()
                .map(pending -> new SubmitComments.Entry(pending.comment(), pending.metaData())).toList());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        AggregateCache.trustCachedVersions(unitOfWork);
        ResultMessage<List<CommentDecision>> result = unitOfWork.executeWithResult(() -> {
            List<CommentDecision> decisions = commands.sendAndWait(command);
            Map<String, String> emails = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                if (decisions.get(i).isAccepted()) {
                    emails.putAll(emailOf(batch.get(i).comment(), batch.get(i).email()));
                }
            }
            contacts.record(emails);
            return decisions;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    private static Map<String, String> emailOf(SubmitComment comment, String email) {
        return email == null || email.isBlank() ? Map.of() : Map.of(comment.commentId(), email);
    }

    /** Who submitted the comment and the request it came with, for its event's metadata. */
    private static Map<String, String> attribution(SubmitComment comment) {
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put(MessageAttribution.ACTOR, comment.by().name());
        metaData.put(MessageAttribution.ACTOR_ROLE, comment.by().role());
        String requestId = RequestCorrelation.current();
        if (requestId != null) {
            metaData.put(MessageAttribution.REQUEST_ID, requestId);
        }
        return metaData;
    }

    private static CommentDecision await(CompletableFuture<CommentDecision> decision) {
        try {
            return decision.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the comment was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void sleepAWhile(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(MAX_PAUSE_MILLIS, 10L * attempt) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
