package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.igf.bpf.core.forum.RecordPresentation;
import org.springframework.stereotype.Component;

/** Task_RecordPresentation: the outcome was presented at the annual meeting and published; the forum concludes. */
@Component("recordPresentationDelegate")
public class RecordPresentationDelegate implements JavaDelegate {

    private final StageStep step;

    public RecordPresentationDelegate(StageStep step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.send(execution, new RecordPresentation(step.forum(execution), step.leaving(execution),
                step.instant(execution, BpfLifecycle.PRESENTED_AT), (String) execution.getVariable(BpfLifecycle.SESSION),
                (Integer) execution.getVariable(BpfLifecycle.PUBLISHED_VERSION), step.instant(execution, BpfLifecycle.PUBLISHED_AT),
                step.actor(execution), step.now(execution)));
    }
}
