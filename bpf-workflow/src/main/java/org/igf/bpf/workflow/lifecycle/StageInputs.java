package org.igf.bpf.workflow.lifecycle;

import java.time.Instant;

/**
 * What a user supplies when leaving a stage: the consultation deadline and optionally the draft
 * version to consult when leaving DRAFTING; whether to run a further consultation round (with its
 * deadline) when leaving REVISION; the presentation date and session, and the version and date of
 * publication, when leaving PRESENTATION. {@code actedAt} is the business time of the step (null:
 * now). Unused fields stay null.
 */
public record StageInputs(Instant consultationClosesAt,
                          Instant presentedAt,
                          String session,
                          Integer draftVersion,
                          boolean secondRound,
                          Integer publishedVersion,
                          Instant publishedAt,
                          Instant actedAt) {

    public static final StageInputs NONE = new StageInputs(null, null, null);

    public StageInputs(Instant consultationClosesAt, Instant presentedAt, String session) {
        this(consultationClosesAt, presentedAt, session, null, false, null, null, null);
    }

    public static StageInputs secondRoundClosingAt(Instant closesAt) {
        return new StageInputs(closesAt, null, null, null, true, null, null, null);
    }

    public StageInputs at(Instant businessTime) {
        return new StageInputs(consultationClosesAt, presentedAt, session, draftVersion, secondRound, publishedVersion,
                publishedAt, businessTime);
    }
}
