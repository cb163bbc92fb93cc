package org.igf.bpf.api.audit.query;

import org.igf.bpf.api.audit.query.ChainReport.BrokenLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks the hash chains against the events as they are stored now: walks every forum's events and
 * chain rows side by side in sequence order (one streamed query, one snapshot), recomputes each
 * link with {@link ChainLinks} and names the first place where they disagree.
 */
@Component
public class EventChainVerifier {

    /** Events and chain rows matched by (forum, sequence); either side may be missing. */
    private static final String WALK = """
            select coalesce(e.aggregate_identifier, c.aggregate_identifier) as forum,
                   coalesce(e.sequence_number, c.sequence_number) as sequence,
                   e.global_index, e.event_identifier, e.type, e.payload_type, e.payload_revision, e.payload, e.meta_data,
                   e.time_stamp, c.global_index as chain_global_index, c.event_identifier as chain_event_identifier,
                   c.payload_type as chain_payload_type, c.time_stamp as chain_time_stamp, c.payload_digest, c.meta_data_digest,
                   c.prev_hash, c.hash
              from (select * from domain_event_entry %1$s) e
              full join (select * from event_chain %1$s) c
                on c.aggregate_identifier = e.aggregate_identifier and c.sequence_number = e.sequence_number
             order by 1, 2
            """;

    private static final int MAX_REPORTED = 100;

    private final JdbcTemplate streaming;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    public EventChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.clock = clock;
    }

    /** Verifies one forum's chain, or every forum's when {@code forum} is null. */
    public ChainReport verify(String forum) {
        return verify(forum, List.of());
    }

    /**
     * Verifies as {@link #verify(String)} and also checks heads published earlier: each one's
     * forum must still hold an event at that sequence whose link, recomputed from the events,
     * is the published hash. This catches what the chain alone cannot: a rewrite of the events
     * together with every later link, or the last events cut off with their links.
     */
    public ChainReport verify(String forum, List<ChainHeads.Head> published) {
        Walk walk = new Walk(published.stream().filter(head -> forum == null || head.forum().equals(forum)).toList());
        readOnly.executeWithoutResult(status -> {
            if (forum == null) {
                streaming.query(WALK.formatted(""), walk::row);
            } else {
                streaming.query(WALK.formatted("where aggregate_identifier = ?"), walk::row, forum, forum);
            }
        });
        walk.finish();
        return new ChainReport(walk.broken.isEmpty(), forum, walk.forums, walk.events, List.copyOf(walk.broken));
    }

    /** The head of every forum's chain and a digest over them all. */
    public ChainHeads heads() {
        List<ChainHeads.Head> heads = jdbc.query("""
                select distinct on (aggregate_identifier) aggregate_identifier, sequence_number, hash
                  from event_chain order by aggregate_identifier, sequence_number desc
                """, (rs, n) -> new ChainHeads.Head(rs.getString(1), rs.getLong(2), ChainLinks.hex(rs.getBytes(3))));
        return new ChainHeads(clock.instant(), heads.size(), digest(heads), heads);
    }

    /** SHA-256 of the lines "forum sequence hash\n", in the order given. */
    public static String digest(List<ChainHeads.Head> heads) {
        StringBuilder lines = new StringBuilder();
        heads.forEach(head -> lines.append(head.forum()).append(' ').append(head.sequence()).append(' ').append(head.hash()).append('\n'));
        return ChainLinks.hex(ChainLinks.sha256(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The state of the walk: the forum being checked, its last good link, and what was found. */
    private static final class Walk {
        final List<BrokenLink> broken = new ArrayList<>();
        final Map<String, ChainHeads.Head> published = new HashMap<>();
        long forums;
        long events;
        String forum;
        boolean forumBroken;
        long expectedSequence;
        byte[] prev;

        Walk(List<ChainHeads.Head> heads) {
            heads.forEach(head -> published.put(head.forum(), head));
        }

        void row(ResultSet rs) throws SQLException {
            String rowForum = rs.getString("forum");
            long sequence = rs.getLong("sequence");
            if (!rowForum.equals(forum)) {
                finishForum();
                forum = rowForum;
                forums++;
                forumBroken = false;
                expectedSequence = 0;
                prev = ChainLinks.GENESIS;
            }
            boolean stored = rs.getObject("global_index") != null;
            if (stored) {
                events++;
            }
            if (forumBroken) {
                return;
            }
            Long globalIndex = stored ? rs.getLong("global_index") : (Long) rs.getObject("chain_global_index", Long.class);
            String problem = check(rs, sequence, stored);
            ChainHeads.Head head = published.get(forum);
            if (problem == null && head != null && head.sequence() == sequence) {
                published.remove(forum);
                if (!head.hash().equalsIgnoreCase(ChainLinks.hex(prev))) {
                    problem = "head-differs: the head published for this sequence was " + head.hash()
                            + ", the events now give " + ChainLinks.hex(prev) + " (the forum's events and links were rewritten)";
                }
            }
            if (problem != null) {
                report(sequence, globalIndex, problem);
            }
        }

        /** Published heads that the walk never reached: their events are gone. */
        void finish() {
            finishForum();
            published.values().stream().sorted(java.util.Comparator.comparing(ChainHeads.Head::forum)).forEach(head -> {
                forum = head.forum();
                report(head.sequence(), null, "head-missing: a head was published for this forum and sequence, but the store"
                        + " holds no events of this forum");
            });
        }

        private void finishForum() {
            ChainHeads.Head head = forum == null ? null : published.remove(forum);
            if (head != null && !forumBroken) {
                report(head.sequence(), null, "head-missing: a head was published for this sequence, but the forum now ends at "
                        + (expectedSequence - 1) + " (its last events were removed with their links)");
            }
        }

        private void report(long sequence, Long globalIndex, String problem) {
            forumBroken = true;
            if (broken.size() < MAX_REPORTED) {
                int colon = problem.indexOf(':');
                broken.add(new BrokenLink(forum, sequence, globalIndex, problem.substring(0, colon), problem.substring(colon + 2)));
            }
        }

        /** Null when the link holds, else "code: what differs". */
        private String check(ResultSet rs, long sequence, boolean stored) throws SQLException {
            boolean chained = rs.getBytes("hash") != null;
            if (sequence != expectedSequence) {
                return "sequence-gap: expected sequence " + expectedSequence + " next, but the next event and link are at "
                        + sequence + " (events and their links were removed)";
            }
            expectedSequence = sequence + 1;
            if (!stored) {
                return "event-missing: the chain records event " + rs.getString("chain_event_identifier") + " ("
                        + rs.getString("chain_payload_type") + ") at this sequence, but the event store has no such event";
            }
            if (!chained) {
                return "link-missing: the event store holds event " + rs.getString("event_identifier")
                        + " at this sequence, but it has no link in the chain (stored while the chain trigger was off)";
            }
            if (!rs.getString("event_identifier").equals(rs.getString("chain_event_identifier"))) {
                return "event-replaced: the chain records event " + rs.getString("chain_event_identifier") + " ("
                        + rs.getString("chain_payload_type") + ") at this sequence, but the store holds "
                        + rs.getString("event_identifier") + " (" + rs.getString("payload_type") + ") (events moved or replaced)";
            }
            if (!Objects.equals(rs.getLong("global_index"), rs.getLong("chain_global_index"))) {
                return "position-changed: the chain records global index " + rs.getLong("chain_global_index")
                        + ", the store " + rs.getLong("global_index");
            }
            if (!rs.getString("payload_type").equals(rs.getString("chain_payload_type"))) {
                return "type-changed: the chain records type " + rs.getString("chain_payload_type") + ", the store "
                        + rs.getString("payload_type");
            }
            if (!rs.getString("time_stamp").equals(rs.getString("chain_time_stamp"))) {
                return "timestamp-changed: the chain records time " + rs.getString("chain_time_stamp") + ", the store "
                        + rs.getString("time_stamp");
            }
            byte[] payload = rs.getBytes("payload");
            if (!Arrays.equals(ChainLinks.sha256(payload), rs.getBytes("payload_digest"))) {
                return "payload-changed: the stored payload is not the one that was linked (its SHA-256 was "
                        + ChainLinks.hex(rs.getBytes("payload_digest")) + ", is now " + ChainLinks.hex(ChainLinks.sha256(payload)) + ")";
            }
            byte[] meta = rs.getBytes("meta_data");
            if (!Arrays.equals(ChainLinks.sha256(meta == null ? new byte[0] : meta), rs.getBytes("meta_data_digest"))) {
                return "metadata-changed: the stored metadata (who, which request) is not the one that was linked";
            }
            if (!Arrays.equals(prev, rs.getBytes("prev_hash"))) {
                return "link-broken: this link does not point to the hash of the event before it (" + ChainLinks.hex(prev)
                        + "), but to " + ChainLinks.hex(rs.getBytes("prev_hash"));
            }
            byte[] hash = ChainLinks.link(prev, forum, sequence, rs.getLong("global_index"), rs.getString("event_identifier"),
                    rs.getString("type"), rs.getString("payload_type"), rs.getString("payload_revision"), payload, meta,
                    rs.getString("time_stamp"));
            if (!Arrays.equals(hash, rs.getBytes("hash"))) {
                return "hash-mismatch: the event recomputes to " + ChainLinks.hex(hash) + ", its link records "
                        + ChainLinks.hex(rs.getBytes("hash")) + " (the aggregate type or revision changed, or the link was rewritten)";
            }
            prev = hash;
            return null;
        }
    }
}
