package org.igf.bpf.api.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.igf.bpf.api.config.DatabaseProperties;
import org.igf.bpf.api.cycle.query.CycleViews;
import org.igf.bpf.workflow.lifecycle.ForumLifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Loads the 2014 and 2015 cycles on start when {@code bpf.demo-data.enabled} says so; left empty
 * (the default) it is on with the embedded store and off with an external database.
 */
@Configuration(proxyBeanMethods = false)
public class DemoDataConfiguration {

    @Bean
    DemoData demoData(ForumLifecycle lifecycle, CommandGateway commands, CycleViews cycles, Clock clock) {
        return new DemoData(lifecycle, commands, cycles, clock);
    }

    @Bean
    ApplicationRunner demoDataLoader(DemoData demoData, DatabaseProperties database,
                                     @Value("${bpf.demo-data.enabled:}") String enabled) {
        boolean on = enabled == null || enabled.isBlank() ? !database.isExternal() : Boolean.parseBoolean(enabled.strip());
        return args -> {
            if (on) {
                demoData.loadOnce();
            }
        };
    }
}
