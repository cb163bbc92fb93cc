package org.igf.bpf.api.forum.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.igf.bpf.core.forum.ForumEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the forum_view read table, on a tracking processor so that it can be replayed and split
 * across nodes. The row update and the processor's token commit in one transaction; an event at or
 * below the row's last sequence was already applied and is skipped.
 */
@Component
@ProcessingGroup(ForumProjection.PROCESSING_GROUP)
public class ForumProjection {

    public static final String PROCESSING_GROUP = "forum-views";

    private final ForumReadTable table;

    public ForumProjection(ForumReadTable table) {
        this.table = table;
    }

    @EventHandler
    void on(ForumEvent event, @SequenceNumber long sequence) {
        var row = table.find(event.forumId().value());
        if (row.isPresent() && row.get().version() >= sequence) {
            return;
        }
        table.save(row.map(ForumFold::from).orElseGet(ForumFold::empty).apply(event, sequence).view());
    }

    @ResetHandler
    void reset() {
        table.deleteAll();
    }
}
