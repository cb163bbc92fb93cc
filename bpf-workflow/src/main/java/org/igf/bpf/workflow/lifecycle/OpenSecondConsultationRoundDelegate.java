package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.igf.bpf.core.forum.OpenSecondConsultationRound;
import org.springframework.stereotype.Component;

/** Task_OpenSecondConsultationRound: the revised version goes back to public consultation until the new deadline. */
@Component("openSecondConsultationRoundDelegate")
public class OpenSecondConsultationRoundDelegate implements JavaDelegate {

    private final StageStep step;

    public OpenSecondConsultationRoundDelegate(StageStep step) {
        this.step = step;
    }

    @Override
    public void execute(DelegateExecution execution) {
        step.send(execution, new OpenSecondConsultationRound(step.forum(execution), step.leaving(execution),
                step.instant(execution, BpfLifecycle.CONSULTATION_CLOSES_AT), step.actor(execution), step.now(execution)));
    }
}
