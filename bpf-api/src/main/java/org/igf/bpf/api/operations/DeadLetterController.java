package org.igf.bpf.api.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The secretariat's view of events that a projection could not handle: parked in the dead-letter
 * queue with their cause while the projection went on with every other forum; retried on request
 * once the cause is mended.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
public class DeadLetterController {

    /** One parked event: which forum (sequence), which event, why, since when. */
    public record DeadLetterView(String processingGroup, String sequence, String eventType, String eventId,
                                 String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    public record RetryResult(String processingGroup, int retried, long stillParked) {
    }

    private final EventProcessingConfiguration processing;

    public DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @GetMapping
    public Map<String, List<DeadLetterView>> list() {
        Map<String, List<DeadLetterView>> all = new TreeMap<>();
        processing.eventProcessors().keySet().forEach(group -> processing.deadLetterQueue(group).ifPresent(queue -> {
            List<DeadLetterView> letters = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    EventMessage<?> event = letter.message();
                    letters.add(new DeadLetterView(group, sequenceOf(event), event.getPayloadType().getSimpleName(),
                            event.getIdentifier(), letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                            letter.enqueuedAt(), letter.lastTouched()));
                }
            }
            all.put(group, letters);
        }));
        return all;
    }

    @PostMapping("/{processingGroup}/retry")
    public RetryResult retry(@PathVariable String processingGroup) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(processingGroup)
                .orElseThrow(() -> new UnknownProcessingGroup(processingGroup));
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> new UnknownProcessingGroup(processingGroup));
        int retried = 0;
        long parked = queue.amountOfSequences();
        // each call takes one sequence; a sequence that fails again stays parked
        for (long i = 0; i < parked; i++) {
            if (processor.processAny()) {
                retried++;
            }
        }
        return new RetryResult(processingGroup, retried, queue.amountOfSequences());
    }

    private static String sequenceOf(EventMessage<?> event) {
        return event instanceof org.axonframework.eventhandling.DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    /** No event processor with a dead-letter queue has this name. */
    public static class UnknownProcessingGroup extends RuntimeException {
        public UnknownProcessingGroup(String group) {
            super("There is no event processor '" + group + "' with a dead-letter queue.");
        }
    }
}
