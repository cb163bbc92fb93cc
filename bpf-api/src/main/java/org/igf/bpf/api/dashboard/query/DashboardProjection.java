package org.igf.bpf.api.dashboard.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.igf.bpf.api.projection.BatchedRows;
import org.igf.bpf.core.forum.ForumEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard_forum read table, on its own tracking processor ("dashboard") so that it can be
 * replayed and split across nodes without touching the other read models. Within a batch of the
 * processor, the events of a forum fold into its row in memory and each changed row is written once
 * at the end of the batch ({@link BatchedRows}), in the transaction that also moves the processor's
 * token; an event at or below the row's last sequence was already applied and is skipped. Open
 * pages, on every node, hear of the changed forums once the batch has committed (see
 * {@link DashboardNotifications}).
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
public class DashboardProjection {

    public static final String PROCESSING_GROUP = "dashboard";

    private final DashboardReadTable table;
    private final DashboardNotifications notifications;
    private final BatchedRows<DashboardForumView> rows;

    public DashboardProjection(DashboardReadTable table, DashboardNotifications notifications) {
        this.table = table;
        this.notifications = notifications;
        // delivered to every node when this batch commits
        this.rows = new BatchedRows<>(PROCESSING_GROUP, table::documents, table::read, table::saveAll).afterWrite(notifications::changedForums);
    }

    @EventHandler
    void on(ForumEvent event, @SequenceNumber long sequence) {
        String forumId = event.forumId().value();
        var row = rows.find(forumId);
        if (row.isPresent() && row.get().version() >= sequence) {
            return;
        }
        DashboardForumView view = row.map(DashboardFold::from).orElseGet(DashboardFold::empty).apply(event, sequence).view();
        if (view == null) {
            return;
        }
        rows.save(forumId, view);
    }

    @ResetHandler
    void reset() {
        table.deleteAll();
        notifications.changed(null);
    }
}
