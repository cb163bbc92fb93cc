package org.igf.bpf.workflow.engine;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.igf.bpf.core.shared.Attributed;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Stamps every command with who acted and the request that caused it; Axon's correlation data
 * providers then copy these keys onto every event the command applies. Together with the process
 * instance and activity (added by the BPMN step that sent the command) nothing in the audit trail
 * is anonymous.
 */
public class MessageAttribution implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String REQUEST_ID = "requestId";
    public static final String PROCESS_INSTANCE = "processInstanceId";
    public static final String ACTIVITY = "activityId";

    /** The metadata keys that travel from a command onto its events. */
    public static final List<String> KEYS = List.of(ACTOR, ACTOR_ROLE, REQUEST_ID, PROCESS_INSTANCE, ACTIVITY);

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            MetaData added = MetaData.emptyInstance();
            if (command.getPayload() instanceof Attributed attributed) {
                added = added.and(ACTOR, attributed.by().name()).and(ACTOR_ROLE, attributed.by().role());
            }
            String requestId = RequestCorrelation.current();
            if (requestId != null && !command.getMetaData().containsKey(REQUEST_ID)) {
                added = added.and(REQUEST_ID, requestId);
            }
            return command.andMetaData(added);
        };
    }
}
