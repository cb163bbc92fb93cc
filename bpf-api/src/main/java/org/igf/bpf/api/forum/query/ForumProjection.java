package org.igf.bpf.api.forum.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.igf.bpf.api.projection.BatchedRows;
import org.igf.bpf.core.forum.ForumEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the forum_view read table, on a tracking processor so that it can be replayed and split
 * across nodes. Within a batch of the processor, the events of a forum fold into its document in
 * memory and each changed row is written once at the end of the batch ({@link BatchedRows}), in the
 * transaction that also moves the processor's token; an event at or below the row's last sequence
 * was already applied and is skipped. The rows feed the forum list, which needs a consultation's
 * comment count, not its comments: a row keeps the forum without them, so a comment does not make the
 * projection read and rewrite every earlier comment of the consultation.
 */
@Component
@ProcessingGroup(ForumProjection.PROCESSING_GROUP)
public class ForumProjection {

    public static final String PROCESSING_GROUP = "forum-views";

    private final ForumReadTable table;
    private final BatchedRows<ForumView> rows;

    public ForumProjection(ForumReadTable table) {
        this.table = table;
        this.rows = new BatchedRows<>(PROCESSING_GROUP, table::documents, table::read, table::saveAll);
    }

    @EventHandler
    void on(ForumEvent event, @SequenceNumber long sequence) {
        String forumId = event.forumId().value();
        var row = rows.find(forumId);
        if (row.isPresent() && row.get().version() >= sequence) {
            return;
        }
        rows.save(forumId, row.map(ForumFold::from).orElseGet(ForumFold::empty).apply(event, sequence).view().withoutComments());
    }

    @ResetHandler
    void reset() {
        table.deleteAll();
    }
}
