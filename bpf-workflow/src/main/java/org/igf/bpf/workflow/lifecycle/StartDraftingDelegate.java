package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.igf.bpf.core.forum.StartDrafting;
import org.springframework.stereotype.Component;

/** Task_StartDrafting: leaves the discussion. */
@Component("startDraftingDelegate")
public class StartDraftingDelegate implements JavaDelegate {

    private final StageStep step;

    public StartDraftingDelegate(StageStep step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.send(execution, new StartDrafting(step.forum(execution), step.leaving(execution), step.actor(execution), step.now(execution)));
    }
}
