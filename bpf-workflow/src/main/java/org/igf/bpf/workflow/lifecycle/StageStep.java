package org.igf.bpf.workflow.lifecycle;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.workflow.engine.MessageAttribution;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * What every stage delegate does around its one command: read the forum, the actor and the stage
 * being left from the execution, send the command synchronously in the caller's transaction, and
 * tag it with the process instance and activity that caused it.
 */
@Component
public class StageStep {

    /** Who acts when no person completed a task: the consultation deadline timer. */
    public static final Actor TIMER = Actor.system("timer");

    private final CommandGateway commands;
    private final Clock clock;

    public StageStep(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public ForumId forum(DelegateExecution execution) {
        return new ForumId(execution.getProcessBusinessKey());
    }

    public Stage leaving(DelegateExecution execution) {
        return Stage.valueOf((String) execution.getVariable(BpfLifecycle.LEAVING));
    }

    public Actor actor(DelegateExecution execution) {
        String name = (String) execution.getVariable(BpfLifecycle.ACTOR_NAME);
        return name == null ? TIMER : new Actor(name, (String) execution.getVariable(BpfLifecycle.ACTOR_ROLE));
    }

    /** The business time of the step: the one the caller gave, else the clock (a timer). */
    public Instant now(DelegateExecution execution) {
        Instant given = instant(execution, BpfLifecycle.ACTED_AT);
        return given != null ? given : clock.instant();
    }

    public Instant instant(DelegateExecution execution, String variable) {
        Date date = (Date) execution.getVariable(variable);
        return date == null ? null : date.toInstant();
    }

    public void send(DelegateExecution execution, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.with(
                MessageAttribution.PROCESS_INSTANCE, execution.getProcessInstanceId())
                .and(MessageAttribution.ACTIVITY, execution.getCurrentActivityId())));
    }
}
