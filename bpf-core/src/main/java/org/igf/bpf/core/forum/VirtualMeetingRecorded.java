package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;
import java.time.LocalDate;

/** A virtual meeting of the forum took place. */
public record VirtualMeetingRecorded(ForumId forumId,
        LocalDate heldOn,
        int attendeeCount,
        String summary,
        String notesLink,
        Actor by,
        Instant at) implements ForumEvent {
}
