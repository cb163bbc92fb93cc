package org.igf.bpf.core.cycle;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** An IGF cycle was opened, with the host country, city and dates of its annual meeting. */
public record CycleOpened(int year,
        AnnualMeeting annualMeeting,
        Actor by,
        Instant at) implements CycleEvent {
}
