package org.igf.bpf.workflow.lifecycle;

import org.igf.bpf.core.forum.Stage;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** Names of the bpf-lifecycle process: its key, the user task of each stage, its variables. */
public final class BpfLifecycle {

    public static final String PROCESS_KEY = "bpf-lifecycle";

    /** Persisted: the deadline the consultation timer waits for (a java.util.Date). */
    public static final String CONSULTATION_CLOSES_AT = "consultationClosesAt";
    /** Transient, set by whoever completes a stage: who acted and in which role. */
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_ROLE = "actorRole";
    /** Transient, for leaving PRESENTATION. */
    public static final String PRESENTED_AT = "presentedAt";
    public static final String SESSION = "session";
    /** Transient, for leaving DRAFTING: the draft version to consult (absent: the latest). */
    public static final String DRAFT_VERSION = "draftVersion";
    /** Transient, for leaving REVISION: true sends the forum into a further consultation round (Gateway_AfterRevision). */
    public static final String SECOND_ROUND = "secondRound";
    /** Transient, for leaving PRESENTATION: the version published as final outcome and when. */
    public static final String PUBLISHED_VERSION = "publishedVersion";
    public static final String PUBLISHED_AT = "publishedAt";
    /** Transient: the business time of the step, when the caller gives one (absent: now). */
    public static final String ACTED_AT = "actedAt";
    /** The boundary timer of the consultation; its job is rescheduled when the deadline is extended. */
    public static final String CONSULTATION_TIMER = "Timer_ConsultationDeadline";
    /**
     * Extension property ({@code camunda:property}) of each service task: the stage its command leaves.
     * Process definitions deployed before declared it as an input parameter, a variable of the task.
     */
    public static final String LEAVING = "leaving";

    private static final Map<Stage, String> USER_TASK_OF_STAGE = Map.of(
            Stage.EXPERT_RECRUITMENT, "Task_ExpertRecruitment",
            Stage.DISCUSSION, "Task_Discussion",
            Stage.DRAFTING, "Task_Drafting",
            Stage.PUBLIC_CONSULTATION, "Task_PublicConsultation",
            Stage.REVISION, "Task_Revision",
            Stage.PRESENTATION, "Task_Presentation");

    private BpfLifecycle() {
    }

    public static String userTaskOf(Stage stage) {
        return USER_TASK_OF_STAGE.get(stage);
    }

    public static Optional<Stage> stageOfUserTask(String taskDefinitionKey) {
        return Arrays.stream(Stage.values())
                .filter(stage -> taskDefinitionKey.equals(USER_TASK_OF_STAGE.get(stage)))
                .findFirst();
    }
}
