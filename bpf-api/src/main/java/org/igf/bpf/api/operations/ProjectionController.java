package org.igf.bpf.api.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.igf.bpf.api.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The secretariat rebuilds a read model by replaying the event store into it: the processor stops,
 * its tokens go back to the start (its reset handler empties its table), and it starts again and
 * catches up. The answer comes at once; GET /api/admin/projections shows when it has caught up.
 * With several nodes, every node must have released the processor's segments first (else 409).
 */
@RestController
@RequestMapping("/api/admin/projections")
public class ProjectionController {

    private static final Logger log = LoggerFactory.getLogger(ProjectionController.class);

    private final EventProcessingConfiguration processing;

    public ProjectionController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** A streaming processor: whether it runs, has caught up, is replaying, and how far it has read. */
    public record ProjectionStatus(String name, boolean running, boolean error, boolean caughtUp, boolean replaying,
                                   int segmentsClaimed, Long position) {
    }

    @GetMapping
    public List<ProjectionStatus> list() {
        return processing.eventProcessors().keySet().stream().sorted()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).map(p -> status(name, p)))
                .flatMap(Optional::stream).toList();
    }

    @GetMapping("/{name}")
    public ResponseEntity<?> get(@PathVariable String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .<ResponseEntity<?>>map(p -> ResponseEntity.ok(status(name, p)))
                .orElseGet(() -> unknown(name));
    }

    @PostMapping("/{name}/rebuild")
    public ResponseEntity<?> rebuild(@PathVariable String name, Authentication user) {
        Optional<StreamingEventProcessor> found = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (found.isEmpty()) {
            return unknown(name);
        }
        StreamingEventProcessor processor = found.get();
        if (!processor.supportsReset()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "projection.not-replayable",
                    "Cannot rebuild", "Projection " + name + " cannot be replayed."));
        }
        log.info("{} rebuilds projection {}", user.getName(), name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, "projection.busy",
                    "Cannot rebuild now", "Another node holds a segment of projection " + name
                            + "; stop the processor there (or the node) and try again."));
        }
        processor.start();
        return ResponseEntity.accepted().body(status(name, processor));
    }

    private static ResponseEntity<?> unknown(String name) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "projection.not-found", "Not found",
                "There is no projection named " + name + ".");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    static ProjectionStatus status(String name, StreamingEventProcessor processor) {
        var segments = processor.processingStatus().values();
        OptionalLong position = segments.stream().map(EventTrackerStatus::getTrackingToken)
                .filter(java.util.Objects::nonNull).map(TrackingToken::position).flatMapToLong(p -> p.stream()).min();
        return new ProjectionStatus(name, processor.isRunning(), processor.isError(),
                !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp),
                segments.stream().anyMatch(EventTrackerStatus::isReplaying), segments.size(),
                position.isPresent() ? position.getAsLong() : null);
    }
}
