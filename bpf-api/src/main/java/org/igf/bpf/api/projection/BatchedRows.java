package org.igf.bpf.api.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rows a projection reads and writes while its event processor handles one batch of events: a
 * row is loaded once, every event of the batch folds into the copy held here, and each changed row
 * is written once, in one JDBC batch, when the batch's unit of work prepares to commit (in the same
 * transaction as the processor's token). Reads within the batch see the buffered state. Outside a
 * unit of work (a direct call), reads and writes go straight to the table.
 * <p>
 * The buffer belongs to the root unit of work, so it lives exactly as long as the batch: a batch that
 * rolls back (and is retried by the processor) leaves nothing behind. A dead letter retried later
 * runs in a unit of work of its own and is buffered and written in the same way.
 *
 * @param <V> the row
 */
public final class BatchedRows<V> {

    private final String resourceKey;
    private final Function<String, Optional<V>> load;
    private final Consumer<List<V>> write;
    private final List<Consumer<List<String>>> afterWrite = new ArrayList<>();

    /**
     * @param name  unique among the projections (the key of the buffer in the unit of work)
     * @param load  reads one row by id from the table
     * @param write writes the given rows (inserted or replaced) in one go
     */
    public BatchedRows(String name, Function<String, Optional<V>> load, Consumer<List<V>> write) {
        this.resourceKey = BatchedRows.class.getName() + "." + name;
        this.load = load;
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
            return load.apply(id);
        }
        Optional<V> row = batch.rows.get(id);
        if (row == null) {
            row = load.apply(id);
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

    private Batch<V> batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> {
            Batch<V> batch = new Batch<>();
            root.onPrepareCommit(uow -> flush(batch.changed));
            return batch;
        });
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
        /** Every row read or written in this batch (empty: not in the table). */
        final Map<String, Optional<V>> rows = new HashMap<>();
        /** The rows to write, in the order they were first changed. */
        final Map<String, V> changed = new LinkedHashMap<>();
    }
}
