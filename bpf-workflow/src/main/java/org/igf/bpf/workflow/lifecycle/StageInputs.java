package org.igf.bpf.workflow.lifecycle;

import java.time.Instant;

/**
 * What a user supplies when leaving a stage: the consultation deadline when leaving DRAFTING, the
 * presentation date and session when leaving PRESENTATION. Unused fields stay null.
 */
public record StageInputs(Instant consultationClosesAt, Instant presentedAt, String session) {

    public static final StageInputs NONE = new StageInputs(null, null, null);
}
