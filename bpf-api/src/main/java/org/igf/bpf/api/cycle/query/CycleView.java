package org.igf.bpf.api.cycle.query;

import org.igf.bpf.core.cycle.AnnualMeeting;

import java.time.Instant;

/** An IGF cycle as people read it: its year, annual meeting, and when and by whom it was opened. */
public record CycleView(int year, AnnualMeeting annualMeeting, Instant openedAt, String openedBy) {
}
