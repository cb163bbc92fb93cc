package org.igf.bpf.workflow.lifecycle;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.workflow.engine.MessageAttribution;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /** The stage each service task of each process definition declares it leaves (empty: it declares none). */
    private final Map<String, Optional<Stage>> leavingDeclared = new ConcurrentHashMap<>();

    public StageStep(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public ForumId forum(DelegateExecution execution) {
        return new ForumId(execution.getProcessBusinessKey());
    }

    /**
     * The stage the service task leaves, as its {@code camunda:property} declares it (read from the
     * model once per process definition and task). A property, not an input parameter: an input
     * parameter makes the task a scope, so every step created and removed a child execution and a
     * variable. Instances of definitions deployed before keep their input parameter, read as a variable.
     */
    public Stage leaving(DelegateExecution execution) {
        Optional<Stage> declared = leavingDeclared.computeIfAbsent(
                execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(), key -> declaredBy(execution));
        return declared.orElseGet(() -> Stage.valueOf((String) execution.getVariable(BpfLifecycle.LEAVING)));
    }

    private static Optional<Stage> declaredBy(DelegateExecution execution) {
        ExtensionElements extensions = execution.getBpmnModelElementInstance().getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> BpfLifecycle.LEAVING.equals(property.getCamundaName()))
                .map(property -> Stage.valueOf(property.getCamundaValue()))
                .findFirst();
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
