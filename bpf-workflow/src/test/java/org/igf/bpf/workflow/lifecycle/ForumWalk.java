package org.igf.bpf.workflow.lifecycle;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.igf.bpf.core.forum.AddDraftVersion;
import org.igf.bpf.core.forum.CreateForum;
import org.igf.bpf.core.forum.DisposeComment;
import org.igf.bpf.core.forum.Disposition;
import org.igf.bpf.core.forum.SubmitComment;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.RegisterExpert;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.shared.Actor;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Small helpers that bring a forum to a stage the way users would. */
@Component
class ForumWalk {

    static final Actor SECRETARIAT = new Actor("secretariat", "SECRETARIAT");
    static final Actor COORDINATOR = new Actor("coordinator", "COORDINATOR");

    private final ForumLifecycle lifecycle;
    private final CommandGateway commands;
    private final RuntimeService runtime;

    ForumWalk(ForumLifecycle lifecycle, CommandGateway commands, RuntimeService runtime) {
        this.lifecycle = lifecycle;
        this.commands = commands;
        this.runtime = runtime;
    }

    /** The forum's running process instance (there is exactly one). */
    ProcessInstance instanceOf(ForumId forum) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(forum.value()).singleResult();
    }

    ForumId aNewForum() {
        return lifecycle.open(new CreateForum(ForumId.random(), 2015, "IPv6", List.of("coordinator"), SECRETARIAT, Instant.now()));
    }

    void registerBalancedExperts(ForumId forum) {
        register(forum, "Ana", StakeholderGroup.GOVERNMENT);
        register(forum, "Ben", StakeholderGroup.CIVIL_SOCIETY);
        register(forum, "Chen", StakeholderGroup.TECHNICAL_COMMUNITY);
    }

    void register(ForumId forum, String name, StakeholderGroup group) {
        commands.sendAndWait(new RegisterExpert(forum, name, group, "Org", COORDINATOR, Instant.now()));
    }

    void addDraft(ForumId forum) {
        commands.sendAndWait(new AddDraftVersion(forum, "Draft", "First paragraph.\n\nSecond paragraph.", COORDINATOR, Instant.now()));
    }

    String comment(ForumId forum) {
        String id = java.util.UUID.randomUUID().toString();
        commands.sendAndWait(new SubmitComment(forum, id, 1, "Jane Doe", "Name the operators.", COORDINATOR, Instant.now()));
        return id;
    }

    void dispose(ForumId forum, String commentId) {
        commands.sendAndWait(new DisposeComment(forum, commentId, Disposition.ACCEPTED, "Operators named", COORDINATOR, Instant.now()));
    }

    ForumId aForumInDrafting() {
        ForumId forum = aNewForum();
        registerBalancedExperts(forum);
        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, COORDINATOR);
        lifecycle.advance(forum, Stage.DISCUSSION, StageInputs.NONE, COORDINATOR);
        return forum;
    }

    ForumId aForumInConsultationClosingAt(Instant closesAt) {
        ForumId forum = aForumInDrafting();
        addDraft(forum);
        lifecycle.advance(forum, Stage.DRAFTING, new StageInputs(closesAt, null, null), COORDINATOR);
        return forum;
    }

    /** The deadline of the consultation opened last by {@link #aForumInConsultationClosingIn}. */
    Instant lastDeadline;

    /**
     * A forum whose consultation closes this long after it opened: the deadline is read when the
     * consultation opens, however long the way there took on a busy machine.
     */
    ForumId aForumInConsultationClosingIn(java.time.Duration fromOpening) {
        ForumId forum = aForumInDrafting();
        addDraft(forum);
        lastDeadline = Instant.now().plus(fromOpening);
        lifecycle.advance(forum, Stage.DRAFTING, new StageInputs(lastDeadline, null, null), COORDINATOR);
        return forum;
    }
}
