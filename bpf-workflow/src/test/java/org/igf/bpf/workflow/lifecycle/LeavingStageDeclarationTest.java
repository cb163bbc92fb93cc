package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service task declares the stage it leaves as an extension property; process definitions
 * deployed before declared it as an input parameter, and their running instances still advance.
 */
@SpringBootTest
class LeavingStageDeclarationTest {

    @Autowired
    ForumLifecycle lifecycle;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ForumWalk walk;
    @Autowired
    EventRows events;

    @Test
    void aStepCreatesNoChildExecutionAndNoVariable() {
        ForumId forum = walk.aNewForum();
        walk.registerBalancedExperts(forum);
        String instance = walk.instanceOf(forum).getId();

        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.DISCUSSION);
        assertThat(executionOfStep(instance, "Task_StartDiscussion")).isEqualTo(instance);
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).count()).isZero();
        assertThat(events.typesOf(forum)).endsWith("DiscussionStarted");
    }


    /** The execution that ran the service task: the instance itself, or a child created because the task was a scope. */
    private String executionOfStep(String instance, String activity) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(activity)
                .singleResult().getExecutionId();
    }

    @Test
    void anInstanceOfADefinitionDeployedWithInputParametersStillAdvances() throws Exception {
        ProcessDefinition before;
        ForumId forum;
        try (InputStream bpmn = getClass().getResourceAsStream("/processes-before/bpf-lifecycle-input-parameters.xml")) {
            String deployment = repository.createDeployment().name("bpf-lifecycle with input parameters")
                    .addInputStream("bpf-lifecycle.bpmn", bpmn).deploy().getId();
            before = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
            forum = walk.aNewForum();
        } finally {
            try (InputStream bpmn = getClass().getResourceAsStream("/bpmn/bpf-lifecycle.bpmn")) {
                repository.createDeployment().name("bpf-lifecycle").addInputStream("bpf-lifecycle.bpmn", bpmn).deploy();
            }
        }
        assertThat(walk.instanceOf(forum).getProcessDefinitionId()).isEqualTo(before.getId());
        walk.registerBalancedExperts(forum);

        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);
        lifecycle.advance(forum, Stage.DISCUSSION, StageInputs.NONE, ForumWalk.COORDINATOR);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.DRAFTING);
        assertThat(events.typesOf(forum)).endsWith("DiscussionStarted", "DraftingStarted");
        String instance = walk.instanceOf(forum).getId();
        assertThat(executionOfStep(instance, "Task_StartDrafting")).isNotEqualTo(instance); // the input parameter made a scope
        ForumId later = walk.aNewForum();
        assertThat(walk.instanceOf(later).getProcessDefinitionId()).isNotEqualTo(before.getId());
    }
}
