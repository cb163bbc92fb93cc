package org.igf.bpf.core.cycle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Opens an IGF cycle (the year's inter-sessional work) with its annual meeting. */
public record OpenCycle(@TargetAggregateIdentifier CycleId cycleId,
        AnnualMeeting annualMeeting,
        Actor by,
        Instant at) implements Attributed {
}
