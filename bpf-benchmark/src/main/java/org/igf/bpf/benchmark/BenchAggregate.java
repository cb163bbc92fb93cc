package org.igf.bpf.benchmark;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The bare Axon baseline: one command, one appended event of about the size of the application's events. */
public class BenchAggregate {

    public record Create(String id, String text) {
    }

    public record Created(String id, String text) {
    }

    @AggregateIdentifier
    private String id;

    protected BenchAggregate() {
    }

    @CommandHandler
    public BenchAggregate(Create command) {
        apply(new Created(command.id(), command.text()));
    }

    @EventSourcingHandler
    void on(Created event) {
        this.id = event.id();
    }
}
