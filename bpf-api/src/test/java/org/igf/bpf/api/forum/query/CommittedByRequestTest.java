package org.igf.bpf.api.forum.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.igf.bpf.core.forum.DiscussionStarted;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CommittedByRequestTest {

    private static final String FORUM = "forum-a";

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final CommittedByRequest committed = new CommittedByRequest(store);

    @BeforeEach
    void inARequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void cleanUp() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        RequestContextHolder.resetRequestAttributes();
        store.shutDown();
    }

    @Test
    void theForumEventsOfACommittedTransactionAreKeptInOrder() {
        inTransaction(TransactionSynchronization.STATUS_COMMITTED, event(FORUM, 3), event("forum-b", 0), event(FORUM, 4));

        assertThat(committed.of(FORUM)).extracting(DomainEventMessage::getSequenceNumber).containsExactly(3L, 4L);
        assertThat(committed.of("forum-b")).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L);
    }

    @Test
    void nothingIsKeptBeforeTheCommitNorOfARolledBackTransaction() {
        TransactionSynchronizationManager.initSynchronization();
        store.publish(event(FORUM, 3));
        assertThat(committed.of(FORUM)).as("stored, not yet committed").isEmpty();
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        TransactionSynchronizationManager.clearSynchronization();

        assertThat(committed.of(FORUM)).isEmpty();
    }

    @Test
    void eventsStoredOutsideAWebRequestAreNotKept() {
        RequestContextHolder.resetRequestAttributes();
        inTransaction(TransactionSynchronization.STATUS_COMMITTED, event(FORUM, 3));
        assertThat(committed.of(FORUM)).isEmpty();

        inARequest();
        assertThat(committed.of(FORUM)).isEmpty();
    }

    @Test
    void eventsThatAreNotAForumsAreNotKept() {
        inTransaction(TransactionSynchronization.STATUS_COMMITTED,
                new GenericDomainEventMessage<>("Account", FORUM, 0, "not a forum event"));
        assertThat(committed.of(FORUM)).isEmpty();
    }

    private void inTransaction(int outcome, DomainEventMessage<?>... events) {
        TransactionSynchronizationManager.initSynchronization();
        store.publish(events);
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(), outcome);
        TransactionSynchronizationManager.clearSynchronization();
    }

    private static DomainEventMessage<?> event(String forumId, long sequence) {
        return new GenericDomainEventMessage<>("Forum", forumId, sequence,
                new DiscussionStarted(new ForumId(forumId), 3, 3, new Actor("coordinator", "COORDINATOR"), Instant.EPOCH));
    }
}
