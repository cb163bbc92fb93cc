package org.igf.bpf.workflow.lifecycle;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StageConflict;
import org.igf.bpf.core.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Walks each path of the bpf-lifecycle process on the real engine, checking where the token waits. */
@SpringBootTest
class BpfLifecycleProcessTest {

    @Autowired
    ForumLifecycle lifecycle;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ForumWalk walk;
    @Autowired
    EventRows events;

    @Test
    void startsEachForumInExpertRecruitmentWithItsIdAsBusinessKey() {
        ForumId forum = walk.aNewForum();

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.EXPERT_RECRUITMENT);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(forum.value()).count()).isEqualTo(1);
        assertThat(events.typesOf(forum)).containsExactly("ForumCreated");
    }

    @Test
    void walksTheHappyPathToConcludedWithOneEventPerStep() {
        ForumId forum = walk.aForumInConsultationClosingIn(Duration.ofSeconds(2));
        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.PUBLIC_CONSULTATION);

        awaitStage(forum, Stage.REVISION, Duration.ofSeconds(10));

        walk.addDraft(forum);
        lifecycle.advance(forum, Stage.REVISION, StageInputs.NONE, ForumWalk.COORDINATOR);
        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.PRESENTATION);

        lifecycle.advance(forum, Stage.PRESENTATION,
                new StageInputs(null, Instant.parse("2015-11-12T10:00:00Z"), "BPF IPv6, workshop room 5"), ForumWalk.COORDINATOR);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.CONCLUDED);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(forum.value()).finished().count())
                .isEqualTo(1);
        assertThat(events.typesOf(forum)).containsExactly("ForumCreated", "ExpertRegistered", "ExpertRegistered",
                "ExpertRegistered", "DiscussionStarted", "DraftingStarted", "DraftVersionAdded", "PublicConsultationOpened",
                "PublicConsultationClosed", "DraftVersionAdded", "RevisionCompleted", "OutcomePresented", "OutcomePublished");
    }

    @Test
    void closesTheConsultationByItsTimerWithinSecondsOfTheDeadline() {
        ForumId forum = walk.aForumInConsultationClosingIn(Duration.ofSeconds(2));

        awaitStage(forum, Stage.REVISION, Duration.ofSeconds(12));
        assertThat(events.typesOf(forum)).endsWith("PublicConsultationOpened", "PublicConsultationClosed");
        String metadata = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%PublicConsultationClosed'", String.class, forum.value());
        assertThat(metadata).contains("\"actor\":\"timer\"", "\"activityId\":\"Task_ClosePublicConsultation\"");
    }

    @Test
    void keepsTheForumInRecruitmentWhileTheGateIsUnmet() {
        ForumId forum = walk.aNewForum();

        assertThatThrownBy(() -> lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("recruitment.too-few-experts");

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.EXPERT_RECRUITMENT);
        assertThat(events.typesOf(forum)).containsExactly("ForumCreated");
    }

    @Test
    void refusesToCloseTheConsultationByHandBeforeItsDeadline() {
        ForumId forum = walk.aForumInConsultationClosingAt(Instant.now().plusSeconds(3600));

        assertThatThrownBy(() -> lifecycle.advance(forum, Stage.PUBLIC_CONSULTATION, StageInputs.NONE, ForumWalk.COORDINATOR))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("consultation.open-until-deadline");

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.PUBLIC_CONSULTATION);
        assertThat(timerOf(forum)).isNotNull();
    }

    @Test
    void aTimerFiringBeforeTheRecordedDeadlineIsRefusedByTheForum() {
        ForumId forum = walk.aForumInConsultationClosingAt(Instant.now().plusSeconds(3600));
        Job timer = timerOf(forum);
        management.setJobDuedate(timer.getId(), new java.util.Date());

        assertThatThrownBy(() -> management.executeJob(timer.getId())).isInstanceOf(RuleViolation.class);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.PUBLIC_CONSULTATION);
        assertThat(events.typesOf(forum)).last().isEqualTo("PublicConsultationOpened");
    }

    @Test
    void refusesAStaleAdvance() {
        ForumId forum = walk.aNewForum();
        walk.registerBalancedExperts(forum);
        lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR);

        assertThatThrownBy(() -> lifecycle.advance(forum, Stage.EXPERT_RECRUITMENT, StageInputs.NONE, ForumWalk.COORDINATOR))
                .isInstanceOf(StageConflict.class);
        assertThat(events.typesOf(forum).stream().filter("DiscussionStarted"::equals)).hasSize(1);
    }

    @Test
    void refusesAConsultationWithoutDeadlineLeavingNoTimerBehind() {
        ForumId forum = walk.aForumInDrafting();
        walk.addDraft(forum);

        assertThatThrownBy(() -> lifecycle.advance(forum, Stage.DRAFTING, StageInputs.NONE, ForumWalk.COORDINATOR))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("consultation.deadline-not-in-future");
        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.DRAFTING);
        assertThat(timerOf(forum)).isNull();
    }

    @Test
    void extendingTheConsultationReschedulesItsTimerInTheSameTransaction() {
        ForumId forum = walk.aForumInConsultationClosingIn(Duration.ofSeconds(2));
        Instant original = walk.lastDeadline;
        Instant extended = original.plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        lifecycle.extendConsultation(forum, extended, "Requests from the community", ForumWalk.COORDINATOR, Instant.now());

        assertThat(timerOf(forum).getDuedate().toInstant()).isEqualTo(extended);
        assertThat(events.typesOf(forum)).last().isEqualTo("ConsultationDeadlineExtended");
        sleep(Duration.between(Instant.now(), original.plusMillis(1500)).toMillis());
        assertThat(lifecycle.currentStage(forum)).as("the original deadline no longer closes it").isEqualTo(Stage.PUBLIC_CONSULTATION);
        awaitStage(forum, Stage.REVISION, Duration.ofSeconds(12));
        assertThat(events.typesOf(forum)).endsWith("ConsultationDeadlineExtended", "PublicConsultationClosed");
    }

    @Test
    void aRefusedExtensionLeavesTheTimerWhereItWas() {
        ForumId forum = walk.aForumInConsultationClosingAt(Instant.now().plusSeconds(3600));
        java.util.Date before = timerOf(forum).getDuedate();

        assertThatThrownBy(() -> lifecycle.extendConsultation(forum, Instant.now().plusSeconds(60), "Shorter",
                ForumWalk.COORDINATOR, Instant.now()))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("consultation.extension-not-later");

        assertThat(timerOf(forum).getDuedate()).isEqualTo(before);
        assertThat(events.typesOf(forum)).last().isEqualTo("PublicConsultationOpened");
    }

    @Test
    void loopsBackToConsultationForASecondRoundWithAFreshTimer() {
        ForumId forum = walk.aForumInConsultationClosingIn(Duration.ofSeconds(2));
        String comment = walk.comment(forum);
        awaitStage(forum, Stage.REVISION, Duration.ofSeconds(12));
        walk.dispose(forum, comment);
        walk.addDraft(forum);

        lifecycle.advance(forum, Stage.REVISION, StageInputs.secondRoundClosingAt(Instant.now().plusSeconds(2)), ForumWalk.COORDINATOR);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.PUBLIC_CONSULTATION);
        assertThat(timerOf(forum)).isNotNull();
        awaitStage(forum, Stage.REVISION, Duration.ofSeconds(12));
        walk.addDraft(forum);
        lifecycle.advance(forum, Stage.REVISION, StageInputs.NONE, ForumWalk.COORDINATOR);
        lifecycle.advance(forum, Stage.PRESENTATION, new StageInputs(null, Instant.parse("2015-11-12T10:00:00Z"), "BPF session"),
                ForumWalk.COORDINATOR);

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.CONCLUDED);
        assertThat(events.typesOf(forum)).containsSubsequence("PublicConsultationOpened", "CommentSubmitted",
                "PublicConsultationClosed", "CommentDisposed", "DraftVersionAdded", "SecondConsultationRoundOpened",
                "PublicConsultationClosed", "DraftVersionAdded", "RevisionCompleted", "OutcomePresented", "OutcomePublished");
    }

    @Test
    void keepsTheForumInRevisionWhenASecondRoundIsRefused() {
        ForumId forum = walk.aForumInConsultationClosingIn(Duration.ofSeconds(2));
        walk.comment(forum);
        awaitStage(forum, Stage.REVISION, Duration.ofSeconds(12));
        walk.addDraft(forum);

        assertThatThrownBy(() -> lifecycle.advance(forum, Stage.REVISION,
                StageInputs.secondRoundClosingAt(Instant.now().plusSeconds(60)), ForumWalk.COORDINATOR))
                .isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("revision.comments-without-disposition");

        assertThat(lifecycle.currentStage(forum)).isEqualTo(Stage.REVISION);
        assertThat(timerOf(forum)).isNull();
        assertThat(events.typesOf(forum)).last().isEqualTo("DraftVersionAdded");
    }

    @Test
    void opensTheNextCyclesForumAsAContinuationInOneTransaction() {
        ForumId lastYear = walk.aNewForum();
        walk.registerBalancedExperts(lastYear);
        ForumId next = ForumId.random();

        lifecycle.openAsContinuation(new org.igf.bpf.core.forum.CreateForum(next, 2016, "IPv6", List.of("coordinator"),
                ForumWalk.SECRETARIAT, Instant.now()), lastYear);

        assertThat(events.typesOf(next)).containsExactly("ForumCreated", "ForumContinuedFrom", "ExpertsCarriedOver");
        assertThat(events.typesOf(lastYear)).last().isEqualTo("ForumContinuedIn");
        assertThat(lifecycle.currentStage(next)).isEqualTo(Stage.EXPERT_RECRUITMENT);

        ForumId another = ForumId.random();
        assertThatThrownBy(() -> lifecycle.openAsContinuation(new org.igf.bpf.core.forum.CreateForum(another, 2016, "IPv6",
                List.of(), ForumWalk.SECRETARIAT, Instant.now()), lastYear))
                .isInstanceOf(RuleViolation.class);
        assertThat(events.typesOf(another)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(another.value()).count()).isZero();
    }

    private Job timerOf(ForumId forum) {
        String instance = walk.instanceOf(forum).getId();
        List<Job> timers = management.createJobQuery().processInstanceId(instance).timers().list();
        return timers.isEmpty() ? null : timers.get(0);
    }

    private void awaitStage(ForumId forum, Stage stage, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (lifecycle.currentStage(forum) != stage && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        assertThat(lifecycle.currentStage(forum)).isEqualTo(stage);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
