package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Schedules the forum's session at the annual meeting. */
public record ScheduleAnnualMeetingSession(@TargetAggregateIdentifier ForumId forumId,
        String title,
        Instant startsAt,
        String roomOrLink,
        Actor by,
        Instant at) implements Attributed {
}
