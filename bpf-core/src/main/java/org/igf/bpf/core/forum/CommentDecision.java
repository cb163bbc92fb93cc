package org.igf.bpf.core.forum;

import org.igf.bpf.core.shared.RuleViolation;

/** What became of one comment of {@link SubmitComments}: accepted, or refused by a rule (its code and reason). */
public record CommentDecision(String commentId, String refusalCode, String refusalMessage) {

    public static CommentDecision accepted(String commentId) {
        return new CommentDecision(commentId, null, null);
    }

    public static CommentDecision refused(String commentId, RuleViolation violation) {
        return new CommentDecision(commentId, violation.code(), violation.getMessage());
    }

    public boolean isAccepted() {
        return refusalCode == null;
    }

    /** The refusal, as a single {@link SubmitComment} would have thrown it. */
    public RuleViolation refusal() {
        return new RuleViolation(refusalCode, refusalMessage);
    }
}
