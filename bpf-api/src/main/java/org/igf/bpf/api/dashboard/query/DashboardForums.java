package org.igf.bpf.api.dashboard.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Optional;

/**
 * One forum as the dashboard sees it, folded straight from its events (exact the moment a command
 * returns, like the forum page needs); the board of a cycle reads the projection's table instead.
 */
@Component
public class DashboardForums {

    private final EventStore eventStore;

    public DashboardForums(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<DashboardForumView> find(String forumId) {
        DashboardFold fold = DashboardFold.empty();
        Iterator<? extends DomainEventMessage<?>> events = eventStore.readEvents(new ForumId(forumId).value()).asStream().iterator();
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof ForumEvent forumEvent) {
                fold.apply(forumEvent, event.getSequenceNumber());
            }
        }
        return Optional.ofNullable(fold.view());
    }
}
