package org.igf.bpf.api.forum.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.igf.bpf.core.forum.ForumEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.ArrayList;
import java.util.List;

/**
 * The forum events that the current web request has stored, known once their transaction has
 * committed: the answer to a request that changed a forum folds them onto the forum as the request
 * read it before, instead of reading them back from the event store (see
 * {@link ForumViews#findAfterChanges}).
 * <p>
 * The events are taken as the event store is handed them (a dispatch interceptor, in the thread of
 * the command, which in a web request is the request's thread) and kept only when the Spring
 * transaction that stores them commits; a rolled-back transaction leaves nothing. Events stored
 * outside a web request (the job executor's timers, the comment intake's batches) are not kept.
 */
@Component
public class CommittedByRequest {

    private static final String KEY = CommittedByRequest.class.getName();

    public CommittedByRequest(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(messages -> {
            take(messages);
            return (index, message) -> message;
        });
    }

    private static void take(List<? extends EventMessage<?>> messages) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        List<DomainEventMessage<?>> forumEvents = new ArrayList<>();
        for (EventMessage<?> message : messages) {
            if (message instanceof DomainEventMessage<?> domainEvent && domainEvent.getPayload() instanceof ForumEvent) {
                forumEvents.add(domainEvent);
            }
        }
        if (forumEvents.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    committed(request).addAll(forumEvents);
                }
            }
        });
    }

    /**
     * The events of this forum that the current request has committed, in the order they were
     * stored; empty outside a web request.
     */
    List<DomainEventMessage<?>> of(String forumId) {
        List<DomainEventMessage<?>> committed = kept(RequestContextHolder.getRequestAttributes());
        if (committed == null) {
            return List.of();
        }
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (DomainEventMessage<?> event : committed) {
            if (forumId.equals(event.getAggregateIdentifier())) {
                events.add(event);
            }
        }
        return events;
    }

    /** The request's list of committed events, made when the first of them commits. */
    private static List<DomainEventMessage<?>> committed(RequestAttributes request) {
        List<DomainEventMessage<?>> committed = kept(request);
        if (committed == null) {
            committed = new ArrayList<>();
            request.setAttribute(KEY, committed, RequestAttributes.SCOPE_REQUEST);
        }
        return committed;
    }

    /** The request's list of committed events; null outside a request or before any committed. */
    @SuppressWarnings("unchecked")
    private static List<DomainEventMessage<?>> kept(RequestAttributes request) {
        return request == null ? null : (List<DomainEventMessage<?>>) request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST);
    }
}
