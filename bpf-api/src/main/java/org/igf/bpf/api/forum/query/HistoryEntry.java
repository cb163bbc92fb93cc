package org.igf.bpf.api.forum.query;

import java.time.Instant;

/**
 * One recorded fact of a forum's history: its place in the forum's stream, its type, when it
 * happened (business time) and when it was recorded, who acted, what caused it, and its content.
 */
public record HistoryEntry(
        long sequence,
        String type,
        Instant occurredAt,
        Instant recordedAt,
        ActorView actor,
        String requestId,
        String processInstanceId,
        String activityId,
        Object payload) {

    public record ActorView(String name, String role) {
    }
}
