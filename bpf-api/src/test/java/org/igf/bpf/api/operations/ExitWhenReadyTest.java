package org.igf.bpf.api.operations;

import org.junit.jupiter.api.Test;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExitWhenReadyTest {

    private final List<String> seen = new ArrayList<>();

    @Test
    void aReadyApplicationIsClosedBeforeTheJvmIsToldToExit() {
        GenericApplicationContext context = started();

        ready(context);

        assertThat(seen).containsExactly("closed", "exit 0");
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void theApplicationsExitCodeIsTheJvmsExitCode() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(ExitCodeGenerator.class, () -> () -> 3);
        context.registerBean("closing", AutoCloseable.class, () -> () -> seen.add("closed"));
        context.refresh();

        ready(context);

        assertThat(seen).containsExactly("closed", "exit 3");
    }

    private GenericApplicationContext started() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("closing", AutoCloseable.class, () -> () -> seen.add("closed"));
        context.refresh();
        return context;
    }

    private void ready(GenericApplicationContext context) {
        new ExitWhenReady(status -> seen.add("exit " + status))
                .ready(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ofSeconds(1)));
    }
}
