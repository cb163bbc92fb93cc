package org.igf.bpf.api.audit.query;

import java.util.List;

/**
 * The answer of a verification: ok when every event of every forum checked is in its chain and
 * every link recomputes; otherwise the first broken link of each broken forum.
 */
public record ChainReport(boolean ok, String forum, long forums, long events, List<BrokenLink> broken) {

    /**
     * Where a forum's chain breaks: the sequence number (and global index, when the event is
     * there), a stable problem code, and in words what differs.
     */
    public record BrokenLink(String forum, long sequence, Long globalIndex, String problem, String detail) {
    }
}
