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
 */
final class EventStoreWithoutSnapshots extends JdbcEventStorageEngine {

    EventStoreWithoutSnapshots(JdbcEventStorageEngine.Builder builder) {
        super(builder);
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
