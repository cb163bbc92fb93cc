package org.igf.bpf.api.projection;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** What the projections' processors read (axon.eventhandling.processors.*.source); the window's default is in application.yml. */
@Configuration(proxyBeanMethods = false)
public class ProjectionConfiguration {

    @Bean
    CoalescingEventSource projectionEvents(EventStore eventStore,
                                           @Value("${bpf.projections.coalescing-window}") Duration window) {
        return new CoalescingEventSource(eventStore, window);
    }
}
