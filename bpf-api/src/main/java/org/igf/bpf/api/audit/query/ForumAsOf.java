package org.igf.bpf.api.audit.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.igf.bpf.api.forum.query.ForumFold;
import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A forum as it was at an instant: its events recorded up to and including that instant, folded
 * by the same {@link ForumFold} that answers the present, so the past reads exactly as the API
 * showed it then.
 */
@Component
public class ForumAsOf {

    private final EventStore eventStore;

    public ForumAsOf(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<ForumView> find(ForumId forumId, Instant asOf) {
        ForumFold fold = ForumFold.empty();
        try (Stream<? extends DomainEventMessage<?>> stream = eventStore.readEvents(forumId.value()).asStream()) {
            Iterator<? extends DomainEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                if (event.getTimestamp().isAfter(asOf)) {
                    break; // a forum's events are recorded in sequence order
                }
                if (event.getPayload() instanceof ForumEvent forumEvent) {
                    fold.apply(forumEvent, event.getSequenceNumber());
                }
            }
        }
        return Optional.ofNullable(fold.view());
    }

    public boolean exists(ForumId forumId) {
        return eventStore.lastSequenceNumberFor(forumId.value()).isPresent();
    }
}
