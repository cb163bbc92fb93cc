package org.igf.bpf.api.dashboard.query;

import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rows the board is built from, parsed once and reused until the table is written again.
 * Reading and parsing a cycle's thousand documents for every board was a large part of each
 * request, although the rows change only when the dashboard projection writes them. Every such
 * write moves the table's generation on in the same transaction (see {@link DashboardReadTable}),
 * whichever node made it, so each board first reads the generation (one row) and reuses what was
 * parsed at that generation; at any other generation it reads the rows again. Nothing is ever
 * served from an earlier state of the table than the one the request finds, and no node has to hear
 * of another node's writes.
 * <p>
 * What is kept is one immutable snapshot: the generation, the cycles that have forums, and the forums
 * of the last few cycles asked for ({@value #CYCLES_KEPT}), all read at that generation. Requests share
 * it without locks; a request that had to read replaces it with a copy that has its cycle too.
 */
@Component
public class BoardRows {

    static final int CYCLES_KEPT = 4;

    private final DashboardReadTable table;
    private final AtomicReference<Snapshot> kept = new AtomicReference<>();

    public BoardRows(DashboardReadTable table) {
        this.table = table;
    }

    /** The rows as the table has them now: the cycles with forums, and the forums of any cycle, on demand. */
    public Rows now() {
        long generation = table.generation();
        Snapshot snapshot = kept.get();
        if (snapshot == null || snapshot.generation() != generation) {
            snapshot = keep(new Snapshot(generation, table.cycles(), Map.of()));
        }
        return new Rows(snapshot);
    }

    /** The table at one generation, as a board request reads it. */
    public final class Rows {

        private final Snapshot snapshot;

        private Rows(Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        /** The cycles that have forums, latest first. */
        public List<Integer> cycles() {
            return snapshot.cycles();
        }

        /** The forums of the cycle, by topic; read from the table unless already parsed at this generation. */
        public List<DashboardForumView> forums(int cycle) {
            List<DashboardForumView> forums = snapshot.forums().get(cycle);
            if (forums != null) {
                return forums;
            }
            // read after the generation was: a write committed in between only makes them look older
            Snapshot read = snapshot.with(cycle, table.ofCycle(cycle));
            keep(read);
            return read.forums().get(cycle);
        }
    }

    /**
     * Keeps the newer of the two snapshots, or, at the same generation, the kept one with the other's
     * cycles added; answers the snapshot the caller should go on with.
     */
    private Snapshot keep(Snapshot read) {
        Snapshot merged = kept.accumulateAndGet(read, BoardRows::merge);
        return merged.generation() == read.generation() ? merged : read;
    }

    private static Snapshot merge(Snapshot current, Snapshot read) {
        if (current == null || current.generation() < read.generation()) {
            return read;
        }
        return current.generation() == read.generation() ? current.withAll(read) : current;
    }

    /** The cycles and the parsed forums of some of them, all read at one generation of the table. */
    record Snapshot(long generation, List<Integer> cycles, Map<Integer, List<DashboardForumView>> forums) {

        Snapshot {
            cycles = List.copyOf(cycles);
            forums = Collections.unmodifiableMap(new LinkedHashMap<>(forums));
        }

        Snapshot with(int cycle, List<DashboardForumView> cycleForums) {
            Map<Integer, List<DashboardForumView>> more = new LinkedHashMap<>(forums);
            more.remove(cycle);
            more.put(cycle, List.copyOf(cycleForums));
            // the cycle read longest ago makes room first
            while (more.size() > CYCLES_KEPT) {
                more.remove(more.keySet().iterator().next());
            }
            return new Snapshot(generation, cycles, more);
        }

        Snapshot withAll(Snapshot other) {
            Snapshot merged = this;
            for (Map.Entry<Integer, List<DashboardForumView>> entry : other.forums().entrySet()) {
                if (!merged.forums().containsKey(entry.getKey())) {
                    merged = merged.with(entry.getKey(), entry.getValue());
                }
            }
            return merged;
        }
    }
}
