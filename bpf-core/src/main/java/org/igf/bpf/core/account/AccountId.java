package org.igf.bpf.core.account;

import java.util.Objects;
import java.util.regex.Pattern;

/** An account, named by its user name. Its aggregate identifier is prefixed so it never collides with a forum id. */
public record AccountId(String username) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    public AccountId {
        Objects.requireNonNull(username, "username");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("A user name is 2 to 63 lower-case letters, digits, dots, dashes or underscores.");
        }
    }

    public static boolean isValid(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    @Override
    public String toString() {
        return "account:" + username;
    }
}
