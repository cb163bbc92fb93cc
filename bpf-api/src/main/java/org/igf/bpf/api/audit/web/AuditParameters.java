package org.igf.bpf.api.audit.web;

import org.igf.bpf.api.audit.query.AuditCursor;
import org.igf.bpf.api.audit.query.AuditFilter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads the audit's query parameters; a value that cannot be used is a {@link BadAuditParameter} naming it. */
final class AuditParameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final int MAX_VALUES = 100;

    private AuditParameters() {
    }

    static AuditFilter filter(List<String> forum, String cycle, List<String> actor, List<String> type, String from, String to) {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw new BadAuditParameter("to", "Parameter 'to' (" + until + ") must be later than 'from' (" + since + ").");
        }
        return new AuditFilter(values("forum", forum), integer("cycle", cycle), values("actor", actor), values("type", type),
                since, until);
    }

    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadAuditParameter(name, "Parameter '" + name + "' cannot be '" + value
                        + "': give an ISO-8601 instant such as 2015-11-12T10:00:00Z.");
            }
        }
    }

    static AuditCursor cursor(String value) {
        if (value == null) {
            return AuditCursor.start();
        }
        try {
            return AuditCursor.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadAuditParameter("cursor", "Parameter 'cursor' cannot be '" + value
                    + "': pass the 'next' value of a previous page unchanged.");
        }
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        Integer limit = integer("limit", value);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadAuditParameter("limit", "Parameter 'limit' must be between 1 and " + MAX_LIMIT + ", not " + value + ".");
        }
        return limit;
    }

    private static Integer integer(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadAuditParameter(name, "Parameter '" + name + "' cannot be '" + value + "': give a whole number.");
        }
    }

    private static List<String> values(String name, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            throw new BadAuditParameter(name, "Parameter '" + name + "' may be given at most " + MAX_VALUES + " times.");
        }
        for (String value : values) {
            if (value.isBlank() || value.length() > 255) {
                throw new BadAuditParameter(name, "Parameter '" + name + "' must be a non-empty value of at most 255 characters.");
            }
        }
        return values.stream().map(String::strip).toList();
    }
}
