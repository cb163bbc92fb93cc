package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.Attributed;

import java.time.Instant;

/** Every fact about a forum says which forum, who acted, and when it happened in business time. */
public interface ForumEvent extends Attributed {

    ForumId forumId();

    Actor by();

    Instant at();
}
