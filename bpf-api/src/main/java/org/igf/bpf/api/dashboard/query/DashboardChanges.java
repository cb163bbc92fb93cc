package org.igf.bpf.api.dashboard.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells whoever listens (open pages, metrics) which forums changed. Changes are gathered and handed
 * on every {@value #FLUSH_MILLIS} ms at most, so a replay of thousands of events causes a handful of
 * page refreshes, not thousands. A null forum id means "everything" (a rebuild started).
 */
@Component
public class DashboardChanges implements AutoCloseable {

    static final long FLUSH_MILLIS = 250;
    static final String EVERYTHING = "*";
    private static final Logger log = LoggerFactory.getLogger(DashboardChanges.class);

    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-changes");
        thread.setDaemon(true);
        return thread;
    });

    public DashboardChanges() {
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    public void changed(String forumId) {
        pending.add(forumId == null ? EVERYTHING : forumId);
    }

    /** The listener receives the ids of the forums that changed ("*" for all of them). */
    public void subscribe(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Set<String> batch = ConcurrentHashMap.newKeySet();
        for (String id : pending) {
            pending.remove(id);
            batch.add(id);
        }
        for (Consumer<Set<String>> listener : listeners) {
            try {
                listener.accept(Set.copyOf(batch));
            } catch (RuntimeException e) {
                log.warn("A dashboard change listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
    }
}
