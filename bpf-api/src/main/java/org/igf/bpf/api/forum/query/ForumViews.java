package org.igf.bpf.api.forum.query;

import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.ForumId;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Optional;

/**
 * Reads forums. One forum is folded straight from its events, so it is exact the moment a command
 * returns; the list of a cycle comes from the read table that the projection keeps.
 */
@Component
public class ForumViews {

    private final EventStore eventStore;
    private final ForumReadTable readTable;

    public ForumViews(EventStore eventStore, ForumReadTable readTable) {
        this.eventStore = eventStore;
        this.readTable = readTable;
    }

    public Optional<ForumView> find(ForumId forumId) {
        return fold(ForumFold.empty(), eventStore.readEvents(forumId.value()));
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
     * The forum as it stands now, for the answer to a request that changed it: when the request read
     * the forum before its changes ({@link #findBeforeChanges}), that fold is brought up to date with
     * the events stored after it, instead of folding the whole stream again (a forum in consultation
     * has thousands of comments); otherwise the whole stream is folded.
     */
    public Optional<ForumView> findAfterChanges(ForumId forumId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Optional<ForumView> seen = request == null ? null : seenBeforeChanges(request, forumId);
        if (seen == null || seen.isEmpty()) {
            return find(forumId);
        }
        return fold(ForumFold.from(seen.get()), eventStore.readEvents(forumId.value(), seen.get().version() + 1));
    }

    private static Optional<ForumView> fold(ForumFold fold, DomainEventStream events) {
        events.forEachRemaining(event -> {
            if (event.getPayload() instanceof ForumEvent forumEvent) {
                fold.apply(forumEvent, event.getSequenceNumber());
            }
        });
        return Optional.ofNullable(fold.view());
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
