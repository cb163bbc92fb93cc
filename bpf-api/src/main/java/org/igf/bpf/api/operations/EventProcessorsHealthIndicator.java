package org.igf.bpf.api.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event processors in /actuator/health ("eventProcessors"): DOWN when one is not running or has
 * stopped on an error; per processor its segments, whether it has caught up and whether it is replaying.
 */
@Component
public class EventProcessorsHealthIndicator implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            up &= processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                detail.put("segmentsClaimed", status.size());
                detail.put("caughtUp", !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                detail.put("replaying", status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
                detail.put("errorState", status.values().stream().anyMatch(EventTrackerStatus::isErrorState));
                up &= status.values().stream().noneMatch(EventTrackerStatus::isErrorState);
            }
            details.put(entry.getKey(), detail);
        }
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
