package org.igf.bpf.api.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.IntConsumer;

/**
 * With {@code bpf.startup.exit-when-ready}, a start that shuts down cleanly as soon as it is ready: the
 * training start of a class-data archive (README, Operations: a faster start). Everything a start does
 * happens (schema, deployment, processors, the web server), then the application closes as on a stop, so
 * that the embedded PostgreSQL stops too, and the JVM exits, writing the archive.
 */
@Component
@ConditionalOnBooleanProperty("bpf.startup.exit-when-ready")
public class ExitWhenReady {

    private static final Logger log = LoggerFactory.getLogger(ExitWhenReady.class);

    private final IntConsumer exit;

    public ExitWhenReady() {
        this(System::exit);
    }

    ExitWhenReady(IntConsumer exit) {
        this.exit = exit;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready(ApplicationReadyEvent event) {
        log.info("Ready; shutting down, as bpf.startup.exit-when-ready asks");
        exit.accept(SpringApplication.exit(event.getApplicationContext()));
    }
}
