package org.igf.bpf.core.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most a given number of entries: beyond it, the entry least recently read or
 * written is dropped (with a bound of 0 it keeps nothing). Not synchronized; its users guard it as
 * they guard the rest of their state.
 */
public final class LeastRecentlyUsed<K, V> extends LinkedHashMap<K, V> {

    private final int bound;

    public LeastRecentlyUsed(int bound) {
        super(16, 0.75f, true);
        if (bound < 0) {
            throw new IllegalArgumentException("A bound of no entries or more, not " + bound);
        }
        this.bound = bound;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > bound;
    }
}
