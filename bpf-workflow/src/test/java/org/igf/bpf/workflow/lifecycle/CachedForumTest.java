package org.igf.bpf.workflow.lifecycle;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.RegisterExpert;
import org.igf.bpf.core.forum.RecordVirtualMeeting;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.shared.RuleViolation;
import org.igf.bpf.workflow.engine.AggregateCache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Forums are cached between commands; the cache never answers with events that are not stored: not
 * after the caller's transaction rolled back, and not after another node appended.
 */
@SpringBootTest
class CachedForumTest {

    @Autowired
    ForumLifecycle lifecycle;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    AggregateCache forumAggregateCache;

    @Autowired
    ForumWalk walk;
    @Autowired
    EventRows events;

    @Test
    void aCommandOutsideATransactionLeavesTheForumCached() {
        ForumId forum = walk.aNewForum();
        walk.register(forum, "Ana", StakeholderGroup.CIVIL_SOCIETY);

        assertThat(forumAggregateCache.containsKey(forum.value())).isTrue();
    }

    @Test
    void aCommandInACallersTransactionIsCachedOnlyOnceThatTransactionCommitted() {
        ForumId forum = walk.aNewForum();

        transaction.executeWithoutResult(status -> {
            walk.register(forum, "Ana", StakeholderGroup.CIVIL_SOCIETY);
            walk.register(forum, "Ben", StakeholderGroup.TECHNICAL_COMMUNITY);
            assertThat(forumAggregateCache.containsKey(forum.value())).isFalse();
        });

        assertThat(forumAggregateCache.containsKey(forum.value())).isTrue();
        assertThatThrownBy(() -> walk.register(forum, "Ben", StakeholderGroup.TECHNICAL_COMMUNITY)) // the later of the two is kept
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("expert.already-registered");
    }

    @Test
    void aStageTransitionLeavesTheForumCachedWithItsNewStage() {
        ForumId forum = walk.aNewForum();
        walk.registerBalancedExperts(forum);

        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);

        assertThat(forumAggregateCache.containsKey(forum.value())).isTrue();
        commands.sendAndWait(aMeeting(forum)); // allowed only once the discussion started
        assertThat(events.typesOf(forum)).endsWith("DiscussionStarted", "VirtualMeetingRecorded");
        assertContiguousSequence(forum);
    }

    @Test
    void afterTheCallersTransactionRolledBackTheNextCommandSeesTheStoredForum() {
        ForumId forum = walk.aNewForum();
        walk.register(forum, "Ana", StakeholderGroup.CIVIL_SOCIETY);

        registerInACallersTransactionThatRollsBack(forum, "Ben", StakeholderGroup.TECHNICAL_COMMUNITY);

        walk.register(forum, "Ben", StakeholderGroup.TECHNICAL_COMMUNITY); // not "already registered": Ben was rolled back
        assertThat(events.typesOf(forum)).containsExactly("ForumCreated", "ExpertRegistered", "ExpertRegistered");
        assertContiguousSequence(forum);
    }

    @Test
    void aRolledBackEventIsNotMistakenForAnotherNodesEventOfTheSameNumber() {
        ForumId forum = walk.aNewForum();
        walk.register(forum, "Ana", StakeholderGroup.CIVIL_SOCIETY);
        registerInACallersTransactionThatRollsBack(forum, "Ben", StakeholderGroup.TECHNICAL_COMMUNITY);

        anotherNodeRegisters(forum, "Ana", "Chen"); // the number Ben's rolled-back event had

        walk.register(forum, "Ben", StakeholderGroup.TECHNICAL_COMMUNITY);
        assertThatThrownBy(() -> walk.register(forum, "Chen", StakeholderGroup.PRIVATE_SECTOR))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("expert.already-registered");
        assertContiguousSequence(forum);
    }

    @Test
    void afterAStageTransitionRolledBackTheNextCommandSeesTheStoredStage() {
        ForumId forum = walk.aNewForum();
        walk.registerBalancedExperts(forum);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);
            throw new IllegalStateException("the caller fails after the stage moved");
        })).hasMessage("the caller fails after the stage moved");

        // the rolled-back DiscussionStarted would allow a meeting; the stored forum is still recruiting
        assertThatThrownBy(() -> commands.sendAndWait(aMeeting(forum)))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("meeting.before-discussion");
        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);
        commands.sendAndWait(aMeeting(forum));
        assertThat(events.typesOf(forum)).endsWith("DiscussionStarted", "VirtualMeetingRecorded");
        assertContiguousSequence(forum);
    }

    @Test
    void anEventAppendedByAnotherNodeIsSeenByTheNextCommand() {
        ForumId forum = walk.aNewForum();
        walk.register(forum, "Ana", StakeholderGroup.CIVIL_SOCIETY);
        assertThat(forumAggregateCache.containsKey(forum.value())).isTrue();

        anotherNodeRegisters(forum, "Ana", "Chen");

        assertThatThrownBy(() -> walk.register(forum, "Chen", StakeholderGroup.PRIVATE_SECTOR))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("expert.already-registered");
        walk.register(forum, "Dara", StakeholderGroup.GOVERNMENT); // appended after the other node's event, no conflict
        assertThat(events.typesOf(forum)).containsExactly("ForumCreated", "ExpertRegistered", "ExpertRegistered", "ExpertRegistered");
        assertContiguousSequence(forum);
    }

    private RecordVirtualMeeting aMeeting(ForumId forum) {
        return new RecordVirtualMeeting(forum, LocalDate.now(), 7, "Kick-off", null, ForumWalk.COORDINATOR, Instant.now());
    }

    /** What another node's append looks like to this one: a row this node did not write, the copy of an existing one under a new name. */
    private void anotherNodeRegisters(ForumId forum, String existing, String name) {
        jdbc.update("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data) "
                        + "select gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type, "
                        + "payload_revision, convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'), meta_data "
                        + "from domain_event_entry where aggregate_identifier = ? "
                        + "and sequence_number = (select max(sequence_number) from domain_event_entry where aggregate_identifier = ?)",
                '"' + existing + '"', '"' + name + '"', forum.value(), forum.value());
    }

    private void assertContiguousSequence(ForumId forum) {
        List<Long> sequence = jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", Long.class, forum.value());
        assertThat(sequence).containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
    }

    /** The command is handled inside the caller's transaction, which then fails and rolls back. */
    private void registerInACallersTransactionThatRollsBack(ForumId forum, String name, StakeholderGroup group) {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            walk.register(forum, name, group);
            throw new IllegalStateException("the caller fails after the command");
        })).hasMessage("the caller fails after the command");
    }
}
