package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

/**
 * The central promise: the Camunda state and the event stream of a forum commit together. When a
 * step fails after its command was handled and its event appended, neither survives.
 */
@SpringBootTest
class StageTransitionAtomicityTest {

    @Autowired
    ForumLifecycle lifecycle;
    @Autowired
    TransactionTemplate transaction;

    @MockitoSpyBean
    StartDiscussionDelegate startDiscussion;

    @Autowired
    ForumWalk walk;
    @Autowired
    EventRows events;

    @BeforeEach
    void setUp() {
        doCallRealMethod().when(startDiscussion).execute(any());
    }

    @Test
    void aFailureInTheStepAfterTheCommandLeavesNeitherEventNorTaskChange() throws Exception {
        ForumId forum = aForumReadyForDiscussion();
        AtomicReference<List<String>> eventsSeenInsideTheStep = new AtomicReference<>();
        doAnswer(invocation -> {
            invocation.callRealMethod();
            // the command was handled: its event is in the store, inside this transaction
            eventsSeenInsideTheStep.set(events.typesOf(forum));
            throw new IllegalStateException("the step fails after its command");
        }).when(startDiscussion).execute(any(DelegateExecution.class));

        assertThatThrownBy(() -> lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR))
                .hasMessageContaining("the step fails after its command");

        assertThat(eventsSeenInsideTheStep.get()).contains("DiscussionStarted");
        assertThat(events.typesOf(forum)).doesNotContain("DiscussionStarted");
        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.EXPERT_RECRUITMENT);
    }

    @Test
    void aFailureAfterTheTaskCompletionInTheCallersTransactionRollsBothBack() {
        ForumId forum = aForumReadyForDiscussion();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);
            assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.DISCUSSION);
            throw new IllegalStateException("the caller fails after the stage moved");
        })).hasMessage("the caller fails after the stage moved");

        assertThat(events.typesOf(forum)).doesNotContain("DiscussionStarted");
        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.EXPERT_RECRUITMENT);
    }

    @Test
    void withoutFailureBothCommit() {
        ForumId forum = aForumReadyForDiscussion();

        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);

        assertThat(events.typesOf(forum)).endsWith("DiscussionStarted");
        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.DISCUSSION);
    }

    private ForumId aForumReadyForDiscussion() {
        ForumId forum = walk.aNewForum();
        walk.registerBalancedExperts(forum);
        return forum;
    }
}
