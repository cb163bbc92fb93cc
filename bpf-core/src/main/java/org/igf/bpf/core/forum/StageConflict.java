package org.igf.bpf.core.forum;

/**
 * A stage command named a stage the forum is no longer (or not yet) in: somebody else moved it
 * first. The caller should reload and decide again; nothing was recorded.
 */
public class StageConflict extends RuntimeException {

    public static final String CODE = "forum.stale-stage";

    private final Stage expected;
    private final Stage actual;

    public StageConflict(Stage expected, Stage actual) {
        super("The forum is in " + actual + ", not in " + expected
                + "; it was moved by someone else. Reload it and try again.");
        this.expected = expected;
        this.actual = actual;
    }

    public Stage expected() {
        return expected;
    }

    public Stage actual() {
        return actual;
    }
}
