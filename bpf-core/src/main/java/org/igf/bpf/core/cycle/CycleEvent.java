package org.igf.bpf.core.cycle;

import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Every fact about a cycle says which cycle, who acted, and when it happened in business time. */
public interface CycleEvent extends Attributed {

    int year();

    Actor by();

    Instant at();
}
