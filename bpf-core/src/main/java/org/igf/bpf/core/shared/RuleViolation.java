package org.igf.bpf.core.shared;

/**
 * A business rule refused a command. The code is stable (clients and tests match on it); the
 * message says in words what was wrong. Nothing was recorded.
 */
public class RuleViolation extends RuntimeException {

    private final String code;

    public RuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
