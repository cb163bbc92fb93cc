package org.igf.bpf.core.forum;

import java.util.List;

/** What a forum hands over to the forum of a later cycle that continues it. */
public record Handover(int cycle, String topic, List<Expert> experts, String mailingList) {

    public Handover {
        experts = List.copyOf(experts);
    }
}
