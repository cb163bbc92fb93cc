package org.igf.bpf.api.forum.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.igf.bpf.api.config.AfterCommit;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Optional;

/**
 * Reads forums. One forum is folded straight from its events, so it is exact the moment a command
 * returns: the fold starts from the forum as last folded on this node ({@link FoldedForums}) and
 * applies only the events stored since. The list of a cycle comes from the read table that the
 * projection keeps.
 */
@Component
public class ForumViews {

    private final EventStore eventStore;
    private final ForumReadTable readTable;
    private final FoldedForums folded;
    private final CommittedByRequest committed;

    public ForumViews(EventStore eventStore, ForumReadTable readTable, CommittedByRequest committed,
                      @Value("${bpf.forum-views.folded-weight:20000}") long foldedWeight) {
        this.eventStore = eventStore;
        this.readTable = readTable;
        this.committed = committed;
        this.folded = new FoldedForums(foldedWeight);
    }

    public Optional<ForumView> find(ForumId forumId) {
        ForumView known = folded.get(forumId.value());
        return known == null ? fold(ForumFold.empty(), eventStore.readEvents(forumId.value()))
                : foldOnto(known, forumId);
    }

    /**
     * The forum as it stood when this request first asked for it: the access check and the endpoint's
     * own check read one fold of its events instead of two. Only for decisions taken before the
     * request changes anything; answers after a change use {@link #findAfterChanges}.
     */
    public Optional<ForumView> findBeforeChanges(ForumId forumId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return find(forumId);
        }
        Optional<ForumView> seen = seenBeforeChanges(request, forumId);
        if (seen == null) {
            seen = find(forumId);
            request.setAttribute(beforeChangesKey(forumId), seen, RequestAttributes.SCOPE_REQUEST);
        }
        return seen;
    }

    /**
     * The forum as it stands after the changes of this request, for its answer. When the request read
     * the forum before its changes ({@link #findBeforeChanges}) and the events it committed follow
     * that view without a gap, they are folded onto it as they were stored, with no read at all: the
     * answer is the forum as of this request's commit. Otherwise the view it read (or the one kept
     * here, or none) is brought up to date with the events stored after it, instead of folding the
     * whole stream again (a forum in consultation has thousands of comments).
     */
    public Optional<ForumView> findAfterChanges(ForumId forumId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Optional<ForumView> seen = request == null ? null : seenBeforeChanges(request, forumId);
        if (seen == null || seen.isEmpty()) {
            return find(forumId);
        }
        List<DomainEventMessage<?>> own = committed.of(forumId.value());
        if (!own.isEmpty() && follows(own, seen.get().version())) {
            return fold(ForumFold.from(seen.get()), DomainEventStream.of(own));
        }
        return foldOnto(seen.get(), forumId);
    }

    /** Whether these events are the ones numbered right after {@code version}, one after another. */
    private static boolean follows(List<DomainEventMessage<?>> events, long version) {
        long expected = version + 1;
        for (DomainEventMessage<?> event : events) {
            if (event.getSequenceNumber() != expected++) {
                return false;
            }
        }
        return true;
    }

    /** The forum brought up to date from an earlier view of it, with the events stored after that view. */
    private Optional<ForumView> foldOnto(ForumView earlier, ForumId forumId) {
        return fold(ForumFold.from(earlier), eventStore.readEvents(forumId.value(), earlier.version() + 1));
    }

    private Optional<ForumView> fold(ForumFold fold, DomainEventStream events) {
        events.forEachRemaining(event -> {
            if (event.getPayload() instanceof ForumEvent forumEvent) {
                fold.apply(forumEvent, event.getSequenceNumber());
            }
        });
        ForumView view = fold.view();
        if (view != null) {
            keep(view);
        }
        return Optional.ofNullable(view);
    }

    /**
     * Keeps the view for later reads; a view read inside a transaction (an idempotent request's) may
     * hold that transaction's own events, so it is kept only once the transaction has committed: kept
     * before, a rollback would leave a view with events that were never stored, and the events stored
     * later under the same numbers would never be read.
     */
    private void keep(ForumView view) {
        AfterCommit.run(() -> folded.put(view));
    }

    /** What {@link #findBeforeChanges} read in this request, or null when it read nothing yet. */
    @SuppressWarnings("unchecked")
    private static Optional<ForumView> seenBeforeChanges(RequestAttributes request, ForumId forumId) {
        return (Optional<ForumView>) request.getAttribute(beforeChangesKey(forumId), RequestAttributes.SCOPE_REQUEST);
    }

    private static String beforeChangesKey(ForumId forumId) {
        return ForumViews.class.getName() + ".before-changes." + forumId.value();
    }

    public List<ForumSummary> list(Integer cycle) {
        return readTable.findAll(cycle).stream().map(ForumSummary::of).toList();
    }
}
