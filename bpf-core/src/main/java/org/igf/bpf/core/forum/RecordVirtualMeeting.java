package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;
import java.time.LocalDate;

/** Records a virtual meeting of the forum: when, how many attended, a summary or a link to the notes. */
public record RecordVirtualMeeting(@TargetAggregateIdentifier ForumId forumId,
        LocalDate heldOn,
        int attendeeCount,
        String summary,
        String notesLink,
        Actor by,
        Instant at) implements Attributed {
}
