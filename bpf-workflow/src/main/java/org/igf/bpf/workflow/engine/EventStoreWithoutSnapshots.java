package org.igf.bpf.workflow.engine;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.stream.Stream;

/**
 * Axon's JDBC event storage engine for an application that takes no snapshots: aggregates are kept
 * in the aggregate cache between commands and their streams are short or cached, so no snapshotter is
 * configured. Reading an aggregate therefore does not first ask the snapshot table (one database round
 * trip per load and per fold saved), and an attempt to store a snapshot fails loudly rather than
 * writing snapshots nobody would read.
 * <p>
 * Nor does reading a stream end with a query that finds nothing. Axon's JDBC engine reads an aggregate
 * in batches of sequence numbers ({@code >= first and < first + batch size}) and, in case a stream has
 * gaps, keeps reading until a batch comes back empty: every load and every fold of a forum cost two
 * queries, each in its own transaction. Here a stream has no gaps (an event's sequence number is the
 * previous one's plus one, unique per aggregate, and no event is ever deleted: the audit chain would
 * break), so a batch shorter than the batch size is the last.
 */
final class EventStoreWithoutSnapshots extends JdbcEventStorageEngine {

    EventStoreWithoutSnapshots(JdbcEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("This application takes no snapshots (see EventStoreWithoutSnapshots); "
                + "enabling a snapshotter needs this storage engine to read them again");
    }
}
