package org.igf.bpf.api.audit.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * One stored event as the audit shows it, for any event type: its place in the whole store
 * ({@code globalIndex}) and in its forum's stream, its type, when it was recorded and (from the
 * payload's {@code at}) when it happened, who acted and what caused it, the payload as stored, and
 * its link in the forum's hash chain.
 */
public record AuditEvent(
        long globalIndex,
        String forumId,
        long sequence,
        String type,
        Instant recordedAt,
        String occurredAt,
        Actor actor,
        String requestId,
        String processInstanceId,
        String activityId,
        JsonNode payload,
        String hash) {

    public record Actor(String name, String role) {
    }
}
