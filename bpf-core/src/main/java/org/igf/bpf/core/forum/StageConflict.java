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

    private StageConflict(Stage expected) {
        super("The forum was moved out of " + expected + " by someone else at the same moment. Reload it and try again.");
        this.expected = expected;
        this.actual = null;
    }

    /** Two requests raced to leave the same stage and this one lost; the winner's stage is not known here. */
    public static StageConflict concurrent(Stage expected) {
        return new StageConflict(expected);
    }

    public Stage expected() {
        return expected;
    }

    /** The stage the forum is in, or null when this request lost a race. */
    public Stage actual() {
        return actual;
    }
}
