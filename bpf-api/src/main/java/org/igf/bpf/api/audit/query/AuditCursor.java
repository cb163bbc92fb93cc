package org.igf.bpf.api.audit.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * Where a reader of the audit stands: every event up to global index {@code after} has been
 * handed out, except the {@code pending} indexes below it. Those were missing when the page was
 * read and may belong to transactions that had not committed yet (a global index is taken when the
 * row is inserted, not when it commits), so the next page looks for them again until they appear
 * or are old enough to be rolled-back appends. Clients treat the token as opaque.
 */
public record AuditCursor(long after, List<Long> pending) {

    /** Bounds the token; a burst of rolled-back appends beyond this is given up on oldest first. */
    static final int MAX_PENDING = 200;

    public AuditCursor {
        TreeSet<Long> sorted = new TreeSet<>(pending);
        while (sorted.size() > MAX_PENDING) {
            sorted.pollFirst();
        }
        pending = List.copyOf(sorted);
    }

    public static AuditCursor start() {
        return new AuditCursor(0, List.of());
    }

    public String token() {
        StringBuilder text = new StringBuilder().append(after);
        if (!pending.isEmpty()) {
            text.append(':');
            text.append(String.join(",", pending.stream().map(String::valueOf).toList()));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a token made by {@link #token()}; anything else is an {@link IllegalArgumentException}. */
    public static AuditCursor parse(String token) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor this API gave out");
        }
        if (!text.matches("\\d{1,18}(:\\d{1,18}(,\\d{1,18}){0," + (MAX_PENDING - 1) + "})?")) {
            throw new IllegalArgumentException("not a cursor this API gave out");
        }
        String[] parts = text.split(":");
        long after = Long.parseLong(parts[0]);
        List<Long> pending = new ArrayList<>();
        if (parts.length > 1) {
            for (String index : parts[1].split(",")) {
                long value = Long.parseLong(index);
                if (value >= after) {
                    throw new IllegalArgumentException("not a cursor this API gave out");
                }
                pending.add(value);
            }
        }
        return new AuditCursor(after, pending);
    }
}
