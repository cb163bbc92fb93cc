package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.igf.bpf.core.forum.ClosePublicConsultation;
import org.springframework.stereotype.Component;

/** Task_ClosePublicConsultation: reached when the deadline timer fires; the forum goes into revision. */
@Component("closePublicConsultationDelegate")
public class ClosePublicConsultationDelegate implements JavaDelegate {

    private final StageStep step;

    public ClosePublicConsultationDelegate(StageStep step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.send(execution, new ClosePublicConsultation(step.forum(execution), step.leaving(execution), step.actor(execution), step.now(execution)));
    }
}
