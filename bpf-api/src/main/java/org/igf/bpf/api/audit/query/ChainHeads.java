package org.igf.bpf.api.audit.query;

import java.time.Instant;
import java.util.List;

/**
 * The last link of every forum's chain, and one digest over all of them: what the secretariat
 * publishes or sends out of the database's reach, so that a later rewrite of a chain shows.
 * {@code digest} is the SHA-256 of the lines "forum sequence hash\n", in the order listed (by forum).
 */
public record ChainHeads(Instant takenAt, long forums, String digest, List<Head> heads) {

    public record Head(String forum, long sequence, String hash) {
    }
}
