package org.igf.bpf.api.forum.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.igf.bpf.api.forum.query.HistoryEntry.ActorView;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.workflow.engine.MessageAttribution;
import org.springframework.stereotype.Component;

import java.util.List;

/** A forum's history, read from the event store: the audit log of record. */
@Component
public class ForumHistory {

    private final EventStore eventStore;

    public ForumHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<HistoryEntry> of(ForumId forumId) {
        return eventStore.readEvents(forumId.value()).asStream()
                .filter(event -> event.getPayload() instanceof ForumEvent) // another aggregate's id is no forum
                .map(ForumHistory::entry).toList();
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        MetaData meta = event.getMetaData();
        ForumEvent payload = (ForumEvent) event.getPayload();
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), payload.at(),
                event.getTimestamp(),
                new ActorView((String) meta.getOrDefault(MessageAttribution.ACTOR, payload.by().name()),
                        (String) meta.getOrDefault(MessageAttribution.ACTOR_ROLE, payload.by().role())),
                (String) meta.get(MessageAttribution.REQUEST_ID),
                (String) meta.get(MessageAttribution.PROCESS_INSTANCE),
                (String) meta.get(MessageAttribution.ACTIVITY),
                payload);
    }
}
