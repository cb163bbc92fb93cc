package org.igf.bpf.core.forum;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.core.forum.StakeholderGroup.ACADEMIA;
import static org.igf.bpf.core.forum.StakeholderGroup.CIVIL_SOCIETY;
import static org.igf.bpf.core.forum.StakeholderGroup.GOVERNMENT;
import static org.igf.bpf.core.forum.StakeholderGroup.TECHNICAL_COMMUNITY;

class ForumAggregateTest {

    private static final ForumId FORUM = new ForumId("bpf-2015-ipv6");
    private static final Actor SECRETARIAT = new Actor("chengetai", "SECRETARIAT");
    private static final Actor COORDINATOR = new Actor("coordinator", "COORDINATOR");
    private static final Instant T0 = Instant.parse("2015-03-03T12:00:00Z");
    private static final Instant CLOSES = Instant.parse("2015-09-30T23:59:00Z");
    private static final String TEXT = "IPv6 adoption is uneven.\n\nOperators share what worked.\n\nGovernments can lead by procurement.";

    private FixtureConfiguration<ForumAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ForumAggregate.class);
        fixture.registerInjectableResource(ForumGates.DEFAULT);
    }

    // --- small builders of history -------------------------------------------------------

    private static ForumCreated created() {
        return new ForumCreated(FORUM, 2015, "IPv6", List.of("coordinator"), SECRETARIAT, T0);
    }

    private static ExpertRegistered expert(String name, StakeholderGroup group) {
        return new ExpertRegistered(FORUM, name, group, "Org of " + name, COORDINATOR, T0.plusSeconds(60));
    }

    private static List<Object> aForumWithBalancedExperts() {
        return List.of(created(), expert("Ana", GOVERNMENT), expert("Ben", CIVIL_SOCIETY), expert("Chen", TECHNICAL_COMMUNITY));
    }

    private static List<Object> aForumInDrafting() {
        return concat(aForumWithBalancedExperts(), new DiscussionStarted(FORUM, 3, 3, COORDINATOR, T0.plusSeconds(120)),
                new DraftingStarted(FORUM, COORDINATOR, T0.plusSeconds(180)));
    }

    private static DraftVersionAdded draft(int version) {
        return new DraftVersionAdded(FORUM, version, "Draft " + version, TEXT, COORDINATOR, T0.plusSeconds(200 + version));
    }

    private static List<Object> aForumInConsultation() {
        return concat(aForumInDrafting(), draft(1), new PublicConsultationOpened(FORUM, 1, CLOSES, COORDINATOR, T0.plusSeconds(300)));
    }

    private static List<Object> aForumInRevision() {
        return concat(aForumInConsultation(), new PublicConsultationClosed(FORUM, 1, 0, Actor.system("timer"), CLOSES));
    }

    private static List<Object> aForumInPresentation() {
        return concat(aForumInRevision(), draft(2), new RevisionCompleted(FORUM, 2, COORDINATOR, CLOSES.plusSeconds(60)));
    }

    private static List<Object> concat(List<Object> history, Object... more) {
        var all = new java.util.ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    // --- creation --------------------------------------------------------------------------

    @Test
    void opensAForumInExpertRecruitment() {
        fixture.givenNoPriorActivity()
                .when(new CreateForum(FORUM, 2015, " IPv6 ", List.of("coordinator"), SECRETARIAT, T0))
                .expectEvents(created());
    }

    @Test
    void refusesAForumWithoutTopic() {
        fixture.givenNoPriorActivity()
                .when(new CreateForum(FORUM, 2015, "  ", List.of(), SECRETARIAT, T0))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("A forum needs a topic.")
                .expectNoEvents();
    }

    // --- expert recruitment gate ------------------------------------------------------------

    @Test
    void registersAnExpert() {
        fixture.given(created())
                .when(new RegisterExpert(FORUM, "Ana", GOVERNMENT, "Org of Ana", COORDINATOR, T0.plusSeconds(60)))
                .expectEvents(expert("Ana", GOVERNMENT));
    }

    @Test
    void startsTheDiscussionWithEnoughExpertsFromEnoughGroups() {
        fixture.given(aForumWithBalancedExperts())
                .when(new StartDiscussion(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0.plusSeconds(120)))
                .expectEvents(new DiscussionStarted(FORUM, 3, 3, COORDINATOR, T0.plusSeconds(120)));
    }

    @Test
    void refusesTheDiscussionWithTooFewExperts() {
        fixture.given(created(), expert("Ana", GOVERNMENT), expert("Ben", CIVIL_SOCIETY))
                .when(new StartDiscussion(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("Expert recruitment needs at least 3 experts before the discussion starts; the forum has 2.");
    }

    @Test
    void refusesTheDiscussionWithExpertsFromTooFewGroups() {
        fixture.given(created(), expert("Ana", GOVERNMENT), expert("Ben", GOVERNMENT), expert("Chen", ACADEMIA))
                .when(new StartDiscussion(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0))
                .expectNoEvents()
                .expectException(violation("recruitment.too-few-stakeholder-groups"));
    }

    @Test
    void appliesTheConfiguredGateThresholds() {
        FixtureConfiguration<ForumAggregate> lenient = new AggregateTestFixture<>(ForumAggregate.class);
        lenient.registerInjectableResource(new ForumGates(1, 1));
        lenient.given(created(), expert("Ana", GOVERNMENT))
                .when(new StartDiscussion(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0))
                .expectEvents(new DiscussionStarted(FORUM, 1, 1, COORDINATOR, T0));
    }

    // --- stale requests ----------------------------------------------------------------------

    @Test
    void refusesAStageCommandNamingAStageTheForumHasLeft() {
        fixture.given(concat(aForumWithBalancedExperts(), new DiscussionStarted(FORUM, 3, 3, COORDINATOR, T0)))
                .when(new StartDiscussion(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0))
                .expectNoEvents()
                .expectException(StageConflict.class);
    }

    @Test
    void refusesACommandThatDoesNotLeaveTheCurrentStage() {
        fixture.given(aForumWithBalancedExperts())
                .when(new StartDrafting(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0))
                .expectNoEvents()
                .expectException(violation("forum.transition-not-allowed"));
    }

    // --- drafting and consultation ------------------------------------------------------------

    @Test
    void numbersDraftVersionsFromOne() {
        fixture.given(aForumInDrafting())
                .when(new AddDraftVersion(FORUM, "Draft 1", TEXT, COORDINATOR, T0.plusSeconds(201)))
                .expectEvents(draft(1))
                .expectResultMessagePayload(1);
    }

    @Test
    void refusesAnEmptyDraft() {
        fixture.given(aForumInDrafting())
                .when(new AddDraftVersion(FORUM, "Empty", " \n\n ", COORDINATOR, T0))
                .expectNoEvents()
                .expectException(violation("draft.text-required"));
    }

    @Test
    void refusesConsultationWithoutDraft() {
        fixture.given(aForumInDrafting())
                .when(new OpenPublicConsultation(FORUM, Stage.DRAFTING, CLOSES, COORDINATOR, T0.plusSeconds(300)))
                .expectNoEvents()
                .expectException(violation("consultation.needs-draft"));
    }

    @Test
    void refusesConsultationWithADeadlineInThePast() {
        fixture.given(concat(aForumInDrafting(), draft(1)))
                .when(new OpenPublicConsultation(FORUM, Stage.DRAFTING, T0, COORDINATOR, T0.plusSeconds(300)))
                .expectNoEvents()
                .expectException(violation("consultation.deadline-not-in-future"));
    }

    @Test
    void opensTheConsultationOnTheLatestDraft() {
        fixture.given(concat(aForumInDrafting(), draft(1), draft(2)))
                .when(new OpenPublicConsultation(FORUM, Stage.DRAFTING, CLOSES, COORDINATOR, T0.plusSeconds(300)))
                .expectEvents(new PublicConsultationOpened(FORUM, 2, CLOSES, COORDINATOR, T0.plusSeconds(300)));
    }

    @Nested
    class Comments {

        @Test
        void acceptsACommentOnAParagraphWhileTheConsultationIsOpen() {
            fixture.given(aForumInConsultation())
                    .when(new SubmitComment(FORUM, "c1", 2, "Jane", "Name the operators.", COORDINATOR, CLOSES.minusSeconds(1)))
                    .expectEvents(new CommentSubmitted(FORUM, "c1", 1, 2, "Jane", "Name the operators.", COORDINATOR,
                            CLOSES.minusSeconds(1)));
        }

        @Test
        void acceptsACommentOnTheWholeDocument() {
            fixture.given(aForumInConsultation())
                    .when(new SubmitComment(FORUM, "c1", null, "Jane", "Good.", COORDINATOR, T0.plusSeconds(400)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void refusesACommentOnAParagraphTheDraftDoesNotHave() {
            fixture.given(aForumInConsultation())
                    .when(new SubmitComment(FORUM, "c1", 4, "Jane", "?", COORDINATOR, T0.plusSeconds(400)))
                    .expectNoEvents()
                    .expectException(violation("comment.unknown-paragraph"));
        }

        @Test
        void refusesACommentAtTheDeadline() {
            fixture.given(aForumInConsultation())
                    .when(new SubmitComment(FORUM, "c1", 1, "Jane", "Late.", COORDINATOR, CLOSES))
                    .expectNoEvents()
                    .expectException(violation("consultation.not-open"));
        }

        @Test
        void refusesACommentBeforeTheConsultationOpens() {
            fixture.given(concat(aForumInDrafting(), draft(1)))
                    .when(new SubmitComment(FORUM, "c1", 1, "Jane", "Early.", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("consultation.not-open"));
        }
    }

    @Nested
    class CommentBatches {

        private SubmitComments.Entry entry(String id, Integer paragraph, Instant at) {
            return new SubmitComments.Entry(new SubmitComment(FORUM, id, paragraph, "Jane " + id, "Text " + id, COORDINATOR, at),
                    java.util.Map.of("requestId", "request-" + id));
        }

        private CommentSubmitted submitted(String id, Integer paragraph, Instant at, boolean held) {
            return new CommentSubmitted(FORUM, id, 1, paragraph, "Jane " + id, "Text " + id, COORDINATOR, at, null, null, held, 1);
        }

        /** The answer per comment: "accepted" or the refusal's code. */
        private org.hamcrest.Matcher<Object> decisions(String... expected) {
            return org.axonframework.test.matchers.Matchers.predicate(result -> ((List<?>) result).stream()
                    .map(d -> ((CommentDecision) d).isAccepted() ? "accepted" : ((CommentDecision) d).refusalCode())
                    .toList().equals(List.of(expected)));
        }

        @Test
        void decidesEveryCommentOnItsOwnAndAnswersPerComment() {
            Instant at = T0.plusSeconds(400);
            fixture.given(aForumInConsultation())
                    .when(new SubmitComments(FORUM, List.of(entry("c1", 1, at), entry("c2", 4, at), entry("c3", null, at))))
                    .expectEvents(submitted("c1", 1, at, false), submitted("c3", null, at, false))
                    .expectResultMessagePayloadMatching(org.hamcrest.Matchers.equalTo(List.of(
                            CommentDecision.accepted("c1"),
                            new CommentDecision("c2", "comment.unknown-paragraph",
                                    "Draft version 1 has paragraphs 1 to 3; there is no paragraph 4."),
                            CommentDecision.accepted("c3"))));
        }

        @Test
        void judgesTheDeadlineByEachCommentsOwnInstant() {
            fixture.given(aForumInConsultation())
                    .when(new SubmitComments(FORUM, List.of(entry("early", 1, CLOSES.minusMillis(1)), entry("late", 1, CLOSES),
                            entry("later", 2, CLOSES.plusSeconds(1)))))
                    .expectEvents(submitted("early", 1, CLOSES.minusMillis(1), false))
                    .expectResultMessagePayloadMatching(decisions("accepted", "consultation.not-open", "consultation.not-open"));
        }

        @Test
        void holdsEveryAcceptedCommentUnderPreModeration() {
            Instant at = T0.plusSeconds(400);
            fixture.given(concat(aForumInConsultation(), new PreModerationSwitched(FORUM, true, COORDINATOR, T0.plusSeconds(350))))
                    .when(new SubmitComments(FORUM, List.of(entry("c1", 1, at), entry("c2", 2, at))))
                    .expectEvents(submitted("c1", 1, at, true), submitted("c2", 2, at, true));
        }

        @Test
        void refusesEveryCommentWhenTheConsultationIsClosed() {
            fixture.given(aForumInRevision())
                    .when(new SubmitComments(FORUM, List.of(entry("c1", 1, CLOSES.plusSeconds(5)))))
                    .expectNoEvents()
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(decisions("consultation.not-open"));
        }

        @Test
        void carriesEachCommentsMetadataOnItsEvent() {
            Instant at = T0.plusSeconds(400);
            fixture.given(aForumInConsultation())
                    .when(new SubmitComments(FORUM, List.of(entry("c1", 1, at), entry("c2", 2, at))))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.predicate(
                                    e -> "request-c1".equals(((org.axonframework.eventhandling.EventMessage<?>) e).getMetaData().get("requestId"))),
                            org.axonframework.test.matchers.Matchers.predicate(
                                    e -> "request-c2".equals(((org.axonframework.eventhandling.EventMessage<?>) e).getMetaData().get("requestId")))));
        }

        @Test
        void refusesABatchNamingAnotherForum() {
            SubmitComments.Entry other = new SubmitComments.Entry(new SubmitComment(new ForumId("other"), "c1", 1, "Jane", "Text",
                    COORDINATOR, T0), java.util.Map.of());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SubmitComments(FORUM, List.of(other)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void keepsTheConsultationOpenUntilItsDeadline() {
        fixture.given(aForumInConsultation())
                .when(new ClosePublicConsultation(FORUM, Stage.PUBLIC_CONSULTATION, COORDINATOR, CLOSES.minus(Duration.ofHours(1))))
                .expectNoEvents()
                .expectException(violation("consultation.open-until-deadline"));
    }

    @Test
    void closesTheConsultationAtItsDeadlineCountingItsComments() {
        Actor timer = Actor.system("consultation-deadline-timer");
        fixture.given(concat(aForumInConsultation(),
                        new CommentSubmitted(FORUM, "c1", 1, 1, "Jane", "Hm.", COORDINATOR, T0.plusSeconds(400))))
                .when(new ClosePublicConsultation(FORUM, Stage.PUBLIC_CONSULTATION, timer, CLOSES))
                .expectEvents(new PublicConsultationClosed(FORUM, 1, 1, timer, CLOSES));
    }

    // --- revision and presentation ----------------------------------------------------------

    @Test
    void refusesToFinishTheRevisionWithoutANewerDraft() {
        fixture.given(aForumInRevision())
                .when(new CompleteRevision(FORUM, Stage.REVISION, COORDINATOR, CLOSES.plusSeconds(60)))
                .expectNoEvents()
                .expectException(violation("revision.needs-newer-draft"));
    }

    @Test
    void finishesTheRevisionWithTheRevisedVersion() {
        fixture.given(concat(aForumInRevision(), draft(2)))
                .when(new CompleteRevision(FORUM, Stage.REVISION, COORDINATOR, CLOSES.plusSeconds(60)))
                .expectEvents(new RevisionCompleted(FORUM, 2, COORDINATOR, CLOSES.plusSeconds(60)));
    }

    @Test
    void concludesTheForumWhenThePresentationIsRecordedPublishingTheRevisedVersion() {
        Instant presented = Instant.parse("2015-11-12T10:00:00Z");
        fixture.given(aForumInPresentation())
                .when(new RecordPresentation(FORUM, Stage.PRESENTATION, presented, "BPF IPv6, Room 3", COORDINATOR, presented))
                .expectEvents(new OutcomePresented(FORUM, presented, "BPF IPv6, Room 3", COORDINATOR, presented),
                        new OutcomePublished(FORUM, 2, presented, COORDINATOR, presented));
    }

    @Test
    void refusesAPresentationWithoutSession() {
        fixture.given(aForumInPresentation())
                .when(new RecordPresentation(FORUM, Stage.PRESENTATION, CLOSES, " ", COORDINATOR, CLOSES))
                .expectNoEvents()
                .expectException(violation("presentation.details-required"));
    }

    @Test
    void keepsAConcludedForumClosed() {
        fixture.given(concat(aForumInPresentation(), new OutcomePresented(FORUM, CLOSES, "S", COORDINATOR, CLOSES)))
                .when(new RegisterExpert(FORUM, "Late", ACADEMIA, "Uni", COORDINATOR, CLOSES))
                .expectNoEvents()
                .expectException(violation("forum.concluded"));
    }

    private static org.hamcrest.Matcher<RuleViolation> violation(String code) {
        return new org.hamcrest.CustomTypeSafeMatcher<>("rule violation " + code) {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return code.equals(item.code());
            }
        };
    }

    @Test
    void numbersParagraphsByBlankLines() {
        assertThat(Paragraphs.of("One\n\n\nTwo\r\n\r\nThree\nstill three")).containsExactly("One", "Two", "Three\nstill three");
    }
}
