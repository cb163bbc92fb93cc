package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.igf.bpf.core.forum.OpenPublicConsultation;
import org.springframework.stereotype.Component;

/** Task_OpenPublicConsultation: opens the consultation on the named (or latest) draft until its deadline. */
@Component("openPublicConsultationDelegate")
public class OpenPublicConsultationDelegate implements JavaDelegate {

    private final StageStep step;

    public OpenPublicConsultationDelegate(StageStep step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.send(execution, new OpenPublicConsultation(step.forum(execution), step.leaving(execution),
                (Integer) execution.getVariable(BpfLifecycle.DRAFT_VERSION), step.instant(execution, BpfLifecycle.CONSULTATION_CLOSES_AT),
                step.actor(execution), step.now(execution)));
    }
}
