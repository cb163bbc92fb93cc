package org.igf.bpf.workflow.lifecycle;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.igf.bpf.core.forum.ContinueFromPreviousCycle;
import org.igf.bpf.core.forum.CreateForum;
import org.igf.bpf.core.forum.ExtendConsultation;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.HandOverToNextCycle;
import org.igf.bpf.core.forum.Handover;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StageConflict;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.LeastRecentlyUsed;
import org.igf.bpf.core.shared.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.Map;

/**
 * Opens forums and moves them from stage to stage. Each call is one transaction over Camunda and the
 * event store: the task completion, the command its delegate sends, and the event the aggregate
 * applies commit together or not at all.
 */
@Service
public class ForumLifecycle {

    private static final int KEPT_INSTANCES = 10_000;

    private final CommandGateway commands;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    /** Runs engine commands; the services called inside one join its command context. */
    private final CommandExecutor engine;
    /** The waiting task of a process instance; of a forum by its business key (see {@link #activeTask}). */
    private final String taskOfInstance;
    private final String taskOfForum;
    /** The process instance of each forum recently opened or advanced here (see {@link #activeTask}); the least recently used beyond the bound are dropped. */
    private final Map<ForumId, String> instances = Collections.synchronizedMap(new LeastRecentlyUsed<>(KEPT_INSTANCES));

    public ForumLifecycle(CommandGateway commands, RuntimeService runtime, TaskService tasks, ManagementService management,
                          ProcessEngineConfigurationImpl engineConfiguration) {
        this.commands = commands;
        this.engine = engineConfiguration.getCommandExecutorTxRequired();
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        // the table names once: each getTableName is an engine command of its own
        String taskTable = management.getTableName(Task.class);
        this.taskOfInstance = "select * from " + taskTable + " where proc_inst_id_ = #{instance} and suspension_state_ = 1";
        this.taskOfForum = "select t.* from " + taskTable + " t"
                + " join " + management.getTableName(ProcessInstance.class) + " p on p.id_ = t.proc_inst_id_"
                + " join " + management.getTableName(ProcessDefinition.class) + " d on d.id_ = t.proc_def_id_"
                + " where p.business_key_ = #{businessKey} and d.key_ = #{processKey} and t.suspension_state_ = 1";
    }

    /** Records the new forum and starts its process instance, business key = forum id. */
    @Transactional
    public ForumId open(CreateForum command) {
        commands.sendAndWait(command);
        start(command.forumId());
        return command.forumId();
    }

    /**
     * Opens a forum that continues last cycle's forum: the old forum records its continuation and hands
     * over its experts and mailing list, the new forum is created and takes them over, and its process
     * starts, all in one transaction.
     */
    @Transactional
    public ForumId openAsContinuation(CreateForum command, ForumId previous) {
        Handover handover = commands.sendAndWait(new HandOverToNextCycle(previous, command.forumId(), command.cycle(),
                command.by(), command.at()));
        commands.sendAndWait(command);
        commands.sendAndWait(new ContinueFromPreviousCycle(command.forumId(), previous, handover, command.by(), command.at()));
        start(command.forumId());
        return command.forumId();
    }

    private void start(ForumId forumId) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(BpfLifecycle.PROCESS_KEY, forumId.value());
        instances.put(forumId, instance.getId()); // kept even if this transaction rolls back: see activeTask
    }

    /**
     * Extends the open consultation: the forum records the new deadline (or refuses), and in the same
     * transaction the process variable and the waiting deadline timer move to it, so the timer is never stale.
     */
    @Transactional
    public void extendConsultation(ForumId forumId, Instant closesAt, String reason, Actor actor, Instant at) {
        commands.sendAndWait(new ExtendConsultation(forumId, closesAt, reason, actor, at));
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(BpfLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey(forumId.value())
                .singleResult();
        if (instance == null) {
            throw new IllegalStateException("Forum " + forumId + " is in consultation but has no running process");
        }
        Job timer = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(BpfLifecycle.CONSULTATION_TIMER).singleResult();
        if (timer == null) {
            throw new IllegalStateException("Forum " + forumId + " is in consultation but its deadline timer is missing");
        }
        runtime.setVariable(instance.getId(), BpfLifecycle.CONSULTATION_CLOSES_AT, Date.from(closesAt));
        management.setJobDuedate(timer.getId(), Date.from(closesAt));
    }

    /**
     * Runs the forum's consultation deadline timer now if it is already due, as the job executor would
     * (an operator can do the same from Cockpit). Answers whether it ran here; false when there is no
     * due timer or the job executor ran it at the same moment.
     */
    public boolean fireDueDeadline(ForumId forumId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(BpfLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey(forumId.value())
                .singleResult();
        if (instance == null) {
            return false;
        }
        Job timer = management.createJobQuery().processInstanceId(instance.getId())
                .activityId(BpfLifecycle.CONSULTATION_TIMER).duedateLowerThan(new Date()).singleResult();
        if (timer == null) {
            return false;
        }
        try {
            management.executeJob(timer.getId());
            return true;
        } catch (OptimisticLockingException ranByTheJobExecutor) {
            return false;
        }
    }

    /**
     * Completes the user task of the stage the caller expects to leave. A caller whose view is stale
     * gets a {@link StageConflict}; a gate the aggregate refuses surfaces as its {@link RuleViolation}
     * and the task stays open. The stage reached is in the forum's events (and {@link #currentStage});
     * it is not looked up here, since most callers answer with the forum itself.
     */
    @Transactional
    public void advance(ForumId forumId, Stage from, StageInputs inputs, Actor actor) {
        try {
            // one engine command for the lookup and the completion: the completion finds the task
            // the lookup read in the command's cache instead of reading it again
            engine.execute(context -> {
                Task task = activeTask(forumId);
                Stage current = stageOf(task);
                if (current != from) {
                    throw new StageConflict(from, current);
                }
                if (task == null) {
                    throw new RuleViolation("forum.transition-not-allowed", "The forum is concluded; there is no stage after it.");
                }
                tasks.complete(task.getId(), variables(inputs, actor));
                return null;
            });
        } catch (OptimisticLockingException | NullValueException | ConcurrencyException lostRace) {
            // another request completed the same task (Camunda) or appended the same event sequence
            // (Axon) first; this transaction rolls back and the caller learns it is stale
            throw StageConflict.concurrent(from);
        }
    }

    /** The stage whose user task is waiting, or CONCLUDED when the process has ended. */
    @Transactional(readOnly = true)
    public Stage currentStage(ForumId forumId) {
        return stageOf(activeTask(forumId));
    }

    /** The stage of the waiting user task; no task waiting: the process has ended, the forum is concluded. */
    private static Stage stageOf(Task task) {
        return task == null ? Stage.CONCLUDED : BpfLifecycle.stageOfUserTask(task.getTaskDefinitionKey()).orElseThrow();
    }

    /**
     * The forum's waiting user task, or null when its process has ended. Native queries: Camunda's
     * task query builds its SQL from a mapping of a few hundred optional conditions, evaluated for
     * every call, which cost more than the rest of a stage transition's reads together.
     * <p>
     * A forum's process instance is found by its business key once (a join of tasks, executions and
     * definitions, which PostgreSQL plans and runs far more slowly than a lookup by one index) and then
     * kept: an instance's id never changes, so any node may keep it. The tasks are then read by the
     * instance alone. Nothing found there (the process ended, or the instance was replaced from
     * Cockpit) falls back to the join, so a kept id can make a lookup slower but never wrong.
     */
    private Task activeTask(ForumId forumId) {
        String instance = instances.get(forumId);
        if (instance != null) {
            Task task = tasks.createNativeTaskQuery()
                    .sql(taskOfInstance)
                    .parameter("instance", instance)
                    .singleResult();
            if (task != null) {
                return task;
            }
        }
        Task task = tasks.createNativeTaskQuery()
                .sql(taskOfForum)
                .parameter("businessKey", forumId.value())
                .parameter("processKey", BpfLifecycle.PROCESS_KEY)
                .singleResult();
        if (task == null) {
            instances.remove(forumId);
        } else {
            instances.put(forumId, task.getProcessInstanceId());
        }
        return task;
    }

    private static VariableMap variables(StageInputs inputs, Actor actor) {
        VariableMap variables = Variables.createVariables()
                .putValueTyped(BpfLifecycle.ACTOR_NAME, Variables.stringValue(actor.name(), true))
                .putValueTyped(BpfLifecycle.ACTOR_ROLE, Variables.stringValue(actor.role(), true));
        variables.putValueTyped(BpfLifecycle.SECOND_ROUND, Variables.booleanValue(inputs.secondRound(), true));
        if (inputs.actedAt() != null) {
            variables.putValueTyped(BpfLifecycle.ACTED_AT, Variables.dateValue(Date.from(inputs.actedAt()), true));
        }
        if (inputs.draftVersion() != null) {
            variables.putValueTyped(BpfLifecycle.DRAFT_VERSION, Variables.integerValue(inputs.draftVersion(), true));
        }
        if (inputs.publishedVersion() != null) {
            variables.putValueTyped(BpfLifecycle.PUBLISHED_VERSION, Variables.integerValue(inputs.publishedVersion(), true));
        }
        if (inputs.publishedAt() != null) {
            variables.putValueTyped(BpfLifecycle.PUBLISHED_AT, Variables.dateValue(Date.from(inputs.publishedAt()), true));
        }
        if (inputs.consultationClosesAt() != null) {
            // persisted: the boundary timer reads it when the consultation task is created
            variables.putValue(BpfLifecycle.CONSULTATION_CLOSES_AT, Date.from(inputs.consultationClosesAt()));
        }
        if (inputs.presentedAt() != null) {
            variables.putValueTyped(BpfLifecycle.PRESENTED_AT, Variables.dateValue(Date.from(inputs.presentedAt()), true));
        }
        if (inputs.session() != null) {
            variables.putValueTyped(BpfLifecycle.SESSION, Variables.stringValue(inputs.session(), true));
        }
        return variables;
    }
}
