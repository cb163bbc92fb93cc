package org.igf.bpf.api.cycle.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.igf.bpf.core.cycle.CycleOpened;
import org.springframework.stereotype.Component;

/** Keeps the cycle_view read table, on its own tracking processor so it can be replayed. */
@Component
@ProcessingGroup(CycleProjection.PROCESSING_GROUP)
public class CycleProjection {

    public static final String PROCESSING_GROUP = "cycle-views";

    private final CycleViews views;

    public CycleProjection(CycleViews views) {
        this.views = views;
    }

    @EventHandler
    void on(CycleOpened event) {
        views.save(CycleViews.of(event));
    }

    @ResetHandler
    void reset() {
        views.deleteAll();
    }
}
