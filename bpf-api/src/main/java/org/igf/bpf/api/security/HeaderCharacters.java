package org.igf.bpf.api.security;

/**
 * The characters Spring Security's {@code StrictHttpFirewall} allows in header names and values (and
 * parameter names, checked as header names), decided by a loop instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values the same or a tab). The firewall checks
 * a header every time the request's handling reads it, and the handler lookups and Spring Security's
 * matchers read the same headers again and again (a recording of the benchmark's comments put 14 % of
 * the samples in the expressions; see {@link WithoutHandlerLookupFilter} for what the two changes
 * saved). Printable ASCII is decided without looking the character up.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Every code point assigned and none a control character. */
    static boolean allowedInName(String name) {
        return allowed(name, false);
    }

    /** As {@link #allowedInName}, and tabs. */
    static boolean allowedInValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f || c == '\t' && tab) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
