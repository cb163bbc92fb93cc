package org.igf.bpf.api.audit.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the secretariat asks for: events of some forums, of a cycle, by some actors, of some types,
 * recorded in a time range (from inclusive, to exclusive). Empty lists and nulls mean "any". Event
 * types are the simple names (ExpertRegistered); a fully qualified name is accepted too.
 */
public record AuditFilter(List<String> forums, Integer cycle, List<String> actors, List<String> types,
                          Instant from, Instant to) {

    public AuditFilter {
        forums = forums == null ? List.of() : List.copyOf(forums);
        actors = actors == null ? List.of() : List.copyOf(actors);
        types = types == null ? List.of() : types.stream().map(AuditFilter::simpleName).toList();
    }

    public static AuditFilter none() {
        return new AuditFilter(List.of(), null, List.of(), List.of(), null, null);
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    /** The conditions on audit_event_index (alias {@code i}), joined with "and", each with its arguments. */
    Sql where() {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        in("i.aggregate_identifier", forums, conditions, args);
        if (cycle != null) {
            conditions.add("i.cycle = ?");
            args.add(cycle);
        }
        in("i.actor", actors, conditions, args);
        in("i.event_type", types, conditions, args);
        if (from != null) {
            conditions.add("i.recorded_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("i.recorded_at < ?");
            args.add(Timestamp.from(to));
        }
        return new Sql(conditions.isEmpty() ? "true" : String.join(" and ", conditions), args);
    }

    private static void in(String column, List<String> values, List<String> conditions, List<Object> args) {
        if (!values.isEmpty()) {
            conditions.add(column + " in (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
            args.addAll(values);
        }
    }

    record Sql(String text, List<Object> args) {
    }
}
