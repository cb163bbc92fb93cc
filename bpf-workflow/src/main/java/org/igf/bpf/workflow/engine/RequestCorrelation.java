package org.igf.bpf.workflow.engine;

/**
 * The correlation id of the request being served on this thread (the web edge sets it from
 * {@code X-Request-Id} or generates one). Commands sent on the thread carry it into the events.
 */
public final class RequestCorrelation {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestCorrelation() {
    }

    public static String current() {
        return CURRENT.get();
    }

    /** Binds the id to this thread until the returned scope is closed. */
    public static Scope bind(String requestId) {
        String previous = CURRENT.get();
        CURRENT.set(requestId);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Closing the scope restores whatever was bound before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
