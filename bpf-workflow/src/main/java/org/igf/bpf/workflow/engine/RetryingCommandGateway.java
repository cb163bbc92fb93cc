package org.igf.bpf.workflow.engine;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.TimeUnit;

/**
 * The command gateway, running a command once more when it lost the aggregate's next sequence number
 * to another node (its cached copy of the aggregate was one event behind). The lost attempt rolled
 * back completely and evicted the copy, so the second attempt decides afresh on the stored state:
 * it succeeds, or it is refused by the aggregate's rules like any command (two advances from the
 * same stage: the second is refused). Only a command that runs in its own transaction is retried;
 * inside a caller's transaction (a Camunda step, an idempotent request) the database transaction is
 * spoiled by the failed append and the caller decides.
 */
public class RetryingCommandGateway extends DefaultCommandGateway {

    public RetryingCommandGateway(CommandBus commandBus) {
        super(DefaultCommandGateway.builder().commandBus(commandBus));
    }

    @Override
    public <R> R sendAndWait(Object command) {
        try {
            return super.sendAndWait(command);
        } catch (ConcurrencyException lostRace) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw lostRace;
            }
            return super.sendAndWait(command);
        }
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        try {
            return super.sendAndWait(command, timeout, unit);
        } catch (ConcurrencyException lostRace) {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                throw lostRace;
            }
            return super.sendAndWait(command, timeout, unit);
        }
    }
}
