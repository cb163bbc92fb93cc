package org.igf.bpf.api.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rows a projection reads and writes while its event processor handles one batch of events: the
 * rows of the batch's aggregates are fetched in one query when the batch first asks for one, every
 * event of the batch folds into the copy held here, and each changed row is written once, in one JDBC
 * batch, when the batch's unit of work prepares to commit (in the same transaction as the processor's
 * token). Reads within the batch see the buffered state. Outside a unit of work (a direct call), reads
 * and writes go straight to the table.
 * <p>
 * A row's document is parsed only when its row is asked for, so a row that cannot be read fails the
 * event that needs it (which the dead-letter queue then parks), not whichever event of the batch came
 * first. The buffer belongs to the root unit of work, so it lives exactly as long as the batch: a batch
 * that rolls back (and is retried by the processor) leaves nothing behind. A dead letter retried later
 * runs in a unit of work of its own and is buffered and written in the same way.
 *
 * @param <V> the row
 */
public final class BatchedRows<V> {

    private final String resourceKey;
    private final Function<List<String>, Map<String, String>> documents;
    private final Function<String, V> parse;
    private final Consumer<List<V>> write;
    private final List<Consumer<List<String>>> afterWrite = new ArrayList<>();

    /**
     * @param name      unique among the projections (the key of the buffer in the unit of work)
     * @param documents reads the stored documents of the rows with these ids (absent ones are left out)
     * @param parse     turns a stored document into a row
     * @param write     writes the given rows (inserted or replaced) in one go
     */
    public BatchedRows(String name, Function<List<String>, Map<String, String>> documents, Function<String, V> parse,
                       Consumer<List<V>> write) {
        this.resourceKey = BatchedRows.class.getName() + "." + name;
        this.documents = documents;
        this.parse = parse;
        this.write = write;
    }

    /** Called, in the same transaction, with the ids of the rows just written. */
    public BatchedRows<V> afterWrite(Consumer<List<String>> listener) {
        afterWrite.add(listener);
        return this;
    }

    /** The row as this batch left it so far, else as the table has it. */
    public Optional<V> find(String id) {
        Batch<V> batch = batch();
        if (batch == null) {
            return Optional.ofNullable(documents.apply(List.of(id)).get(id)).map(parse);
        }
        Optional<V> row = batch.rows.get(id);
        if (row == null) {
            if (!batch.fetched.contains(id)) {
                fetch(batch, id);
            }
            // parsed before it counts as read: a document that cannot be parsed fails this event only
            row = Optional.ofNullable(batch.documents.get(id)).map(parse);
            batch.documents.remove(id);
            batch.rows.put(id, row);
        }
        return row;
    }

    /** Replaces the row; written when the batch commits. */
    public void save(String id, V row) {
        Batch<V> batch = batch();
        if (batch == null) {
            flush(Map.of(id, row));
            return;
        }
        batch.rows.put(id, Optional.of(row));
        batch.changed.put(id, row);
    }

    /** Fetches, in one query, the rows of every aggregate of the batch not fetched yet, this one included. */
    private void fetch(Batch<V> batch, String id) {
        List<String> ids = new ArrayList<>();
        ids.add(id);
        for (String aggregate : batch.aggregates) {
            if (!batch.fetched.contains(aggregate) && !aggregate.equals(id)) {
                ids.add(aggregate);
            }
        }
        batch.documents.putAll(documents.apply(ids));
        batch.fetched.addAll(ids);
    }

    private Batch<V> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> {
            Batch<V> batch = new Batch<>(aggregatesOf(root));
            root.onPrepareCommit(uow -> flush(batch.changed));
            return batch;
        });
    }

    private static Set<String> aggregatesOf(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batching ? batching.getMessages()
                : unitOfWork.getMessage() == null ? List.of() : List.of(unitOfWork.getMessage());
        Set<String> aggregates = new LinkedHashSet<>();
        for (Message<?> message : messages) {
            if (message instanceof DomainEventMessage<?> event) {
                aggregates.add(event.getAggregateIdentifier());
            }
        }
        return aggregates;
    }

    private void flush(Map<String, V> changed) {
        if (changed.isEmpty()) {
            return;
        }
        write.accept(List.copyOf(changed.values()));
        List<String> ids = List.copyOf(changed.keySet());
        afterWrite.forEach(listener -> listener.accept(ids));
    }

    private static final class Batch<V> {
        /** The aggregates whose events are in this batch: their rows are fetched together. */
        final Set<String> aggregates;
        /** The ids whose rows were fetched (found or not). */
        final Set<String> fetched = new HashSet<>();
        /** Fetched documents not parsed yet. */
        final Map<String, String> documents = new HashMap<>();
        /** Every row read or written in this batch (empty: not in the table). */
        final Map<String, Optional<V>> rows = new HashMap<>();
        /** The rows to write, in the order they were first changed. */
        final Map<String, V> changed = new LinkedHashMap<>();

        Batch(Set<String> aggregates) {
            this.aggregates = aggregates;
        }
    }
}
