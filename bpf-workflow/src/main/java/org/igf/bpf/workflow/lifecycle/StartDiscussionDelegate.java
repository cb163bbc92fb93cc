package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.igf.bpf.core.forum.StartDiscussion;
import org.springframework.stereotype.Component;

/** Task_StartDiscussion: leaves expert recruitment (the aggregate checks the experts gate). */
@Component("startDiscussionDelegate")
public class StartDiscussionDelegate implements JavaDelegate {

    private final StageStep step;

    public StartDiscussionDelegate(StageStep step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.send(execution, new StartDiscussion(step.forum(execution), step.leaving(execution), step.actor(execution), step.now(execution)));
    }
}
