package org.igf.bpf.api.cycle.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.igf.bpf.api.cycle.query.CycleView;
import org.igf.bpf.api.cycle.query.CycleViews;
import org.igf.bpf.api.forum.query.ForumSummary;
import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.security.Actors;
import org.igf.bpf.core.cycle.AnnualMeeting;
import org.igf.bpf.core.cycle.CycleId;
import org.igf.bpf.core.cycle.OpenCycle;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The cycles: the IGF years, each with its annual meeting and its forums. */
@RestController
@RequestMapping("/api/cycles")
public class CycleController {

    private final CommandGateway commands;
    private final CycleViews cycles;
    private final ForumViews forums;
    private final Clock clock;

    public CycleController(CommandGateway commands, CycleViews cycles, ForumViews forums, Clock clock) {
        this.commands = commands;
        this.cycles = cycles;
        this.forums = forums;
        this.clock = clock;
    }

    record OpenCycleRequest(@NotNull @Min(2006) @Max(2100) Integer year, @NotNull @Valid AnnualMeetingRequest annualMeeting) {
    }

    record AnnualMeetingRequest(@NotBlank @Size(max = 100) String hostCountry, @NotBlank @Size(max = 100) String city,
                                @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    /** A cycle with its forums (from the read model). */
    public record CycleDetail(int year, AnnualMeeting annualMeeting, java.time.Instant openedAt, String openedBy,
                              List<ForumSummary> forums) {
    }

    @PostMapping
    public ResponseEntity<CycleDetail> open(@Valid @RequestBody OpenCycleRequest request, Authentication user) {
        if (cycles.find(request.year()).isPresent()) {
            throw new CycleAlreadyOpen(request.year());
        }
        AnnualMeetingRequest m = request.annualMeeting();
        commands.sendAndWait(new OpenCycle(new CycleId(request.year()), new AnnualMeeting(m.hostCountry(), m.city(), m.startsOn(),
                m.endsOn()), Actors.of(user), clock.instant()));
        return ResponseEntity.created(URI.create("/api/cycles/" + request.year())).body(get(request.year()));
    }

    @GetMapping
    public List<CycleView> list() {
        return cycles.list();
    }

    @GetMapping("/{year}")
    public CycleDetail get(@PathVariable int year) {
        CycleView cycle = cycles.find(year).orElseThrow(() -> new CycleNotFound(year));
        return new CycleDetail(cycle.year(), cycle.annualMeeting(), cycle.openedAt(), cycle.openedBy(), forums.list(year));
    }

    /** Each year has one cycle. */
    public static class CycleAlreadyOpen extends RuntimeException {
        public CycleAlreadyOpen(int year) {
            super("Cycle " + year + " is already open.");
        }
    }

    public static class CycleNotFound extends RuntimeException {
        public CycleNotFound(int year) {
            super("There is no cycle " + year + ".");
        }
    }
}
