package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;

import java.time.Instant;

/** Expert recruitment ended with enough experts; the group began its discussion. */
public record DiscussionStarted(ForumId forumId,
        int expertCount,
        int stakeholderGroupCount,
        Actor by,
        Instant at) implements ForumEvent {
}
