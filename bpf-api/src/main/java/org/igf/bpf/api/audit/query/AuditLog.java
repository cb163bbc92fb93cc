package org.igf.bpf.api.audit.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.igf.bpf.workflow.engine.MessageAttribution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The audit trail across all forums, read from the event store (the log of record) through the
 * audit index that the database keeps at append time (migration V1_1). Pages follow the global
 * index with a gap-aware {@link AuditCursor}; exports stream through a server-side cursor.
 */
@Repository
public class AuditLog {

    private static final String COLUMNS = """
            select e.global_index, e.aggregate_identifier, e.sequence_number, e.payload_type, e.time_stamp,
                   e.meta_data, e.payload, c.hash
              from audit_event_index i
              join domain_event_entry e on e.global_index = i.global_index
              left join event_chain c on c.global_index = i.global_index
            """;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration gapTimeout;

    public AuditLog(DataSource dataSource, PlatformTransactionManager transactions, ObjectMapper json, Clock clock,
                    @Value("${bpf.audit.gap-timeout:PT60S}") Duration gapTimeout) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL's driver streams with a fetch size only inside a transaction (autocommit off)
        this.streaming.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.json = json;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
    }

    /**
     * The next events after the cursor, in global order, at most {@code limit} of them plus any
     * that the cursor was still waiting for (late commits, which come first), and the cursor to
     * continue from. The cursor advances past the last event returned, never past one still unseen.
     */
    public AuditPage page(AuditFilter filter, AuditCursor cursor, int limit) {
        AuditFilter.Sql where = filter.where();
        List<AuditEvent> events = new ArrayList<>();
        Long settledUpTo = settledUpTo();
        List<Long> stillPending = new ArrayList<>();
        if (!cursor.pending().isEmpty()) {
            String pendingList = String.join(", ", cursor.pending().stream().map(String::valueOf).toList());
            events.addAll(jdbc.query(COLUMNS + " where " + where.text() + " and i.global_index in (" + pendingList + ")"
                    + " order by i.global_index", (rs, n) -> event(rs), where.args().toArray()));
            Set<Long> arrived = new HashSet<>(jdbc.queryForList(
                    "select global_index from domain_event_entry where global_index in (" + pendingList + ")", Long.class));
            for (Long index : cursor.pending()) {
                if (!arrived.contains(index) && (settledUpTo == null || index > settledUpTo)) {
                    stillPending.add(index);
                }
            }
        }
        List<Object> args = new ArrayList<>(where.args());
        args.add(cursor.after());
        args.add(limit);
        List<AuditEvent> fresh = jdbc.query(COLUMNS + " where " + where.text() + " and i.global_index > ?"
                + " order by i.global_index limit ?", (rs, n) -> event(rs), args.toArray());
        events.addAll(fresh);
        long after = fresh.isEmpty() ? cursor.after() : fresh.get(fresh.size() - 1).globalIndex();
        if (after > cursor.after()) {
            long from = settledUpTo == null ? cursor.after() : Math.max(cursor.after(), settledUpTo);
            if (from < after) {
                stillPending.addAll(jdbc.queryForList("""
                        select s.i from generate_series(?::bigint, ?::bigint) as s(i)
                         where not exists (select 1 from domain_event_entry e where e.global_index = s.i)
                        """, Long.class, from + 1, after - 1));
            }
        }
        return new AuditPage(events, new AuditCursor(after, stillPending));
    }

    /**
     * Every matching event in global order, handed one at a time to {@code sink}, read through a
     * server-side cursor in one read-only snapshot: memory stays constant however many there are.
     */
    public void stream(AuditFilter filter, Consumer<AuditEvent> sink) {
        AuditFilter.Sql where = filter.where();
        readOnly.executeWithoutResult(status -> streaming.query(COLUMNS + " where " + where.text() + " order by i.global_index",
                rs -> {
                    sink.accept(event(rs));
                }, where.args().toArray()));
    }

    /**
     * The global index at or below which a missing event will never appear: the index of the
     * latest event recorded longer than the gap timeout ago. A transaction that took its index
     * before that one and has still not committed is taken as rolled back (as Axon's tracking
     * processors do with their gap timeout).
     */
    private Long settledUpTo() {
        List<Long> index = jdbc.queryForList(
                "select global_index from audit_event_index where recorded_at < ? order by recorded_at desc limit 1",
                Long.class, Timestamp.from(clock.instant().minus(gapTimeout)));
        return index.isEmpty() ? null : index.get(0);
    }

    private AuditEvent event(ResultSet rs) throws SQLException {
        JsonNode meta = tree(rs.getBytes("meta_data"));
        JsonNode payload = tree(rs.getBytes("payload"));
        String payloadType = rs.getString("payload_type");
        byte[] hash = rs.getBytes("hash");
        JsonNode at = payload.path("at");
        return new AuditEvent(rs.getLong("global_index"), rs.getString("aggregate_identifier"), rs.getLong("sequence_number"),
                payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1),
                Instant.parse(rs.getString("time_stamp")), at.isTextual() ? at.asText() : null,
                new AuditEvent.Actor(text(meta, MessageAttribution.ACTOR), text(meta, MessageAttribution.ACTOR_ROLE)),
                text(meta, MessageAttribution.REQUEST_ID), text(meta, MessageAttribution.PROCESS_INSTANCE),
                text(meta, MessageAttribution.ACTIVITY), payload, hash == null ? null : ChainLinks.hex(hash));
    }

    private JsonNode tree(byte[] raw) {
        if (raw == null) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(raw);
        } catch (IOException e) {
            // not JSON: show the stored text as it is
            return json.getNodeFactory().textNode(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    /** A page of the audit and the cursor that continues it. */
    public record AuditPage(List<AuditEvent> events, AuditCursor next) {
    }
}
