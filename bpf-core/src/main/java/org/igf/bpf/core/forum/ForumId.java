package org.igf.bpf.core.forum;

import java.util.Objects;
import java.util.UUID;

/** Identity of one forum (a BPF within a cycle); also the business key of its process instance. */
public record ForumId(String value) {

    public ForumId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a forum id cannot be blank");
        }
    }

    public static ForumId random() {
        return new ForumId(UUID.randomUUID().toString());
    }

    /** Axon uses toString() of a target identifier as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
