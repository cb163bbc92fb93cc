package org.igf.bpf.core.cycle;

/** Identity of a cycle: its IGF year. The aggregate identifier is {@code cycle-<year>}. */
public record CycleId(int year) {

    public static final String PREFIX = "cycle-";

    /** Axon uses toString() of a target identifier as the aggregate identifier. */
    @Override
    public String toString() {
        return PREFIX + year;
    }
}
