package org.igf.bpf.api.forum.query;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forums as last folded from their events, most recently used kept, so that reading a forum again
 * folds only the events stored since (usually none) instead of its whole stream. Events are never
 * changed once stored, so a view of version n plus the events after n is exact, on any node.
 * Bounded by weight: one per forum, one per comment, one per 1,000 characters of its drafts; a forum
 * heavier than the whole budget is not kept.
 */
final class FoldedForums {

    private final long maxWeight;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long weight;

    private record Entry(ForumView view, long weight) {
    }

    FoldedForums(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    synchronized ForumView get(String forumId) {
        Entry entry = entries.get(forumId);
        return entry == null ? null : entry.view();
    }

    /** Keeps this view unless a later version of the forum is kept already. */
    synchronized void put(ForumView view) {
        Entry old = entries.get(view.id());
        if (old != null && old.view().version() >= view.version()) {
            return;
        }
        if (old != null) {
            entries.remove(view.id());
            weight -= old.weight();
        }
        long heft = weightOf(view);
        if (heft > maxWeight) {
            return;
        }
        entries.put(view.id(), new Entry(view, heft));
        weight += heft;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= eldest.next().getValue().weight();
            eldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long weight() {
        return weight;
    }

    static long weightOf(ForumView view) {
        long draftCharacters = 0;
        for (ForumView.DraftView draft : view.drafts()) {
            draftCharacters += draft.text() == null ? 0 : draft.text().length();
        }
        return 1 + view.comments().size() + draftCharacters / 1_000;
    }
}
