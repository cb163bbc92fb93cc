package org.igf.bpf.workflow.lifecycle;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.igf.bpf.core.forum.CreateForum;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.workflow.engine.TaskParentIndex;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forum's waiting task is read through the process instance the lifecycle keeps for it; a forum
 * whose instance it does not know, or knows wrongly, is still found by its business key.
 */
@SpringBootTest
class ForumInstanceLookupTest {

    @Autowired
    ForumLifecycle lifecycle;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CommandGateway commands;
    @Autowired
    ForumWalk walk;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskParentIndex taskParentIndex;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void aForumWhoseInstanceWasStartedElsewhereAdvances() {
        // as another node opens a forum: this node's lifecycle never saw the instance start
        ForumId forum = ForumId.random();
        commands.sendAndWait(new CreateForum(forum, 2015, "IXPs", List.of("coordinator"), ForumWalk.SECRETARIAT, Instant.now()));
        runtime.startProcessInstanceByKey(BpfLifecycle.PROCESS_KEY, forum.value());
        walk.registerBalancedExperts(forum);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.EXPERT_RECRUITMENT);
        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.DISCUSSION);
    }

    @Test
    void anInstanceReplacedFromCockpitIsFoundInsteadOfTheKeptOne() {
        ForumId forum = walk.aNewForum(); // the lifecycle keeps this instance
        walk.registerBalancedExperts(forum);
        ProcessInstance kept = walk.instanceOf(forum);
        runtime.deleteProcessInstance(kept.getId(), "replaced by an operator");
        String replacement = runtime.startProcessInstanceByKey(BpfLifecycle.PROCESS_KEY, forum.value()).getId();

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.EXPERT_RECRUITMENT); // not CONCLUDED
        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);

        assertThat(walk.instanceOf(forum).getId()).isEqualTo(replacement);
        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.DISCUSSION);
    }

    @Test
    void aConcludedForumHasNoWaitingTask() {
        ForumId forum = walk.aNewForum();
        runtime.deleteProcessInstance(walk.instanceOf(forum).getId(), "ended");

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.CONCLUDED);
    }

    @Test
    void camundasTaskTableHasAnIndexOnTheParentTask() {
        taskParentIndex.postProcessEngineBuild(engine); // a second start finds it and leaves it alone

        assertThat(jdbc.queryForList("select indexdef from pg_indexes where indexname = 'bpf_idx_task_parent'", String.class))
                .singleElement().asString().containsIgnoringCase("(parent_task_id_)");
    }

}
