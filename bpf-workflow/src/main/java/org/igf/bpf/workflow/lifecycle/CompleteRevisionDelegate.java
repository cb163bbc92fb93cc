package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.igf.bpf.core.forum.CompleteRevision;
import org.springframework.stereotype.Component;

/** Task_CompleteRevision: the revised version is settled. */
@Component("completeRevisionDelegate")
public class CompleteRevisionDelegate implements JavaDelegate {

    private final StageStep step;

    public CompleteRevisionDelegate(StageStep step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.send(execution, new CompleteRevision(step.forum(execution), step.leaving(execution), step.actor(execution), step.now(execution)));
    }
}
