package org.igf.bpf.workflow.engine;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingCommandGatewayTest {

    record Ping(String text) {
    }

    private final AtomicInteger attempts = new AtomicInteger();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final RetryingCommandGateway gateway = new RetryingCommandGateway(bus);

    private void failTimes(int failures) {
        bus.subscribe(Ping.class.getName(), command -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new ConcurrencyException("another node appended first");
            }
            return "pong";
        });
    }

    @Test
    void aCommandThatLostARaceRunsOnceMore() {
        failTimes(1);

        String answer = gateway.sendAndWait(new Ping("hi"));

        assertThat(answer).isEqualTo("pong");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void onlyOnceMore() {
        failTimes(2);

        assertThatThrownBy(() -> gateway.sendAndWait(new Ping("hi"))).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void notInsideTheCallersTransaction() {
        failTimes(1);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThatThrownBy(() -> gateway.sendAndWait(new Ping("hi"))).isInstanceOf(ConcurrencyException.class);
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(attempts).hasValue(1);
    }
}
