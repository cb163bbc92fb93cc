package org.igf.bpf.api.config;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must see only committed state: done once the current transaction commits, at once without one. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code work} after the current transaction commits (never, if it rolls back); at once outside a transaction. */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isActualTransactionActive() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
