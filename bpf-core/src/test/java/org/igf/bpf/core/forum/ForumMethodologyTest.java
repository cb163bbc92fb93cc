package org.igf.bpf.core.forum;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.igf.bpf.core.forum.Coordinator.Kind;
import org.igf.bpf.core.forum.Coordinator.Role;
import org.igf.bpf.core.shared.Actor;
import org.igf.bpf.core.shared.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.igf.bpf.core.forum.StakeholderGroup.CIVIL_SOCIETY;
import static org.igf.bpf.core.forum.StakeholderGroup.GOVERNMENT;
import static org.igf.bpf.core.forum.StakeholderGroup.TECHNICAL_COMMUNITY;

/** The rules of the whole BPF methodology: people, continuity, moderation, dispositions, rounds, publication. */
class ForumMethodologyTest {

    private static final ForumId FORUM = new ForumId("bpf-2015-spam");
    private static final ForumId LAST_YEAR = new ForumId("bpf-2014-spam");
    private static final Actor SECRETARIAT = new Actor("chengetai", "SECRETARIAT");
    private static final Actor COORDINATOR = new Actor("coordinator", "COORDINATOR");
    private static final Actor PUBLIC = new Actor("jane", "COMMENTER");
    private static final Instant T0 = Instant.parse("2015-03-03T12:00:00Z");
    private static final Instant CLOSES = Instant.parse("2015-09-30T23:59:00Z");
    private static final Instant LATER = Instant.parse("2015-10-15T23:59:00Z");
    private static final String TEXT = "Spam harms trust.\n\nCooperation across borders works.\n\nUsers need awareness.";
    private static final Coordinator KUMMER = new Coordinator("Markus Kummer", Kind.PERSON, Role.MAG_COORDINATOR, "mkummer");
    private static final Coordinator ISOC = new Coordinator("ISOC", Kind.ORGANISATION, Role.MAG_COORDINATOR, null);

    private FixtureConfiguration<ForumAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ForumAggregate.class);
        fixture.registerInjectableResource(ForumGates.DEFAULT);
    }

    private static ForumCreated created(int cycle, List<String> accounts) {
        return new ForumCreated(FORUM, cycle, "Spam", accounts, SECRETARIAT, T0);
    }

    private static ForumCreated created() {
        return created(2015, List.of("coordinator"));
    }

    private static ExpertRegistered expert(String name, StakeholderGroup group) {
        return new ExpertRegistered(FORUM, name, group, "Org of " + name, COORDINATOR, T0);
    }

    private static List<Object> aForumInConsultation() {
        return List.of(created(), expert("Ana", GOVERNMENT), expert("Ben", CIVIL_SOCIETY), expert("Chen", TECHNICAL_COMMUNITY),
                new DiscussionStarted(FORUM, 3, 3, COORDINATOR, T0), new DraftingStarted(FORUM, COORDINATOR, T0),
                new DraftVersionAdded(FORUM, 1, "Draft", TEXT, COORDINATOR, T0),
                new PublicConsultationOpened(FORUM, 1, CLOSES, COORDINATOR, T0));
    }

    private static CommentSubmitted comment(String id, boolean held) {
        return new CommentSubmitted(FORUM, id, 1, 2, "Jane", "Name the networks.", PUBLIC, T0.plusSeconds(60), null, null, held, 1);
    }

    private static List<Object> aForumInRevisionWithComments(Object... more) {
        return with(aForumInConsultation(), comment("c1", false), comment("c2", false),
                new PublicConsultationClosed(FORUM, 1, 2, Actor.system("timer"), CLOSES), more);
    }

    private static List<Object> with(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        for (Object item : more) {
            if (item instanceof Object[] array) {
                all.addAll(List.of(array));
            } else {
                all.add(item);
            }
        }
        return all;
    }

    private static Matcher<RuleViolation> violation(String code) {
        return new CustomTypeSafeMatcher<>("rule violation " + code) {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return code.equals(item.code());
            }
        };
    }

    @Nested
    class People {

        @Test
        void opensANewThemeWithAppointedCoordinatorsWithoutAccounts() {
            fixture.givenNoPriorActivity()
                    .when(new CreateForum(FORUM, 2015, "IXPs", List.of(), List.of(ISOC), SECRETARIAT, T0))
                    .expectEvents(new ForumCreated(FORUM, 2015, "IXPs", List.of(), SECRETARIAT, T0),
                            new CoordinatorAppointed(FORUM, ISOC, SECRETARIAT, T0));
        }

        @Test
        void refusesTheSameCoordinatorTwice() {
            fixture.given(created(2015, List.of()), new CoordinatorAppointed(FORUM, KUMMER, SECRETARIAT, T0))
                    .when(new AppointCoordinator(FORUM, KUMMER, SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("coordinator.already-appointed"));
        }

        @Test
        void refusesAnAccountAlreadyHeldByAnotherCoordinator() {
            fixture.given(created(2015, List.of()), new CoordinatorAppointed(FORUM, KUMMER, SECRETARIAT, T0))
                    .when(new AppointCoordinator(FORUM, new Coordinator("M. Kummer", Kind.PERSON, Role.LEAD_EXPERT, "mkummer"),
                            SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("coordinator.account-taken"));
        }

        @Test
        void recordsAVolunteerAnsweringTheOpenCall() {
            fixture.given(created(2015, List.of()))
                    .when(new VolunteerAsCoordinator(FORUM, " Avri Doria ", "adoria", SECRETARIAT, T0))
                    .expectEvents(new MagMemberVolunteered(FORUM, "Avri Doria", "adoria", SECRETARIAT, T0));
        }

        @Test
        void refusesTheSameVolunteerTwice() {
            fixture.given(created(2015, List.of()), new MagMemberVolunteered(FORUM, "Avri Doria", null, SECRETARIAT, T0))
                    .when(new VolunteerAsCoordinator(FORUM, "Avri Doria", null, SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("coordinator.already-volunteered"));
        }

        @Test
        void refusesVolunteersOnceAMagCoordinatorIsAppointed() {
            fixture.given(created(2015, List.of()), new CoordinatorAppointed(FORUM, KUMMER, SECRETARIAT, T0))
                    .when(new VolunteerAsCoordinator(FORUM, "Avri Doria", null, SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("coordinator.no-open-call"));
        }

        @Test
        void letsACoordinatorStepDown() {
            fixture.given(created(2015, List.of()), new CoordinatorAppointed(FORUM, KUMMER, SECRETARIAT, T0))
                    .when(new StepDownCoordinator(FORUM, "Markus Kummer", "Other duties", SECRETARIAT, T0))
                    .expectEvents(new CoordinatorSteppedDown(FORUM, "Markus Kummer", "Other duties", SECRETARIAT, T0));
        }

        @Test
        void refusesToStepDownSomeoneWhoDoesNotCoordinate() {
            fixture.given(created())
                    .when(new StepDownCoordinator(FORUM, "Avri Doria", null, SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("coordinator.unknown"));
        }

        @Test
        void keepsTheDiscussionClosedWhileTheForumIsAnOpenCallForVolunteers() {
            fixture.given(created(2015, List.of()), expert("Ana", GOVERNMENT), expert("Ben", CIVIL_SOCIETY),
                            expert("Chen", TECHNICAL_COMMUNITY))
                    .when(new StartDiscussion(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("recruitment.needs-coordinator"));
        }

        @Test
        void countsAnExpertWhoLeftNoLongerTowardsTheGate() {
            fixture.given(created(), expert("Ana", GOVERNMENT), expert("Ben", CIVIL_SOCIETY), expert("Chen", TECHNICAL_COMMUNITY),
                            new ExpertLeft(FORUM, "Chen", TECHNICAL_COMMUNITY, "Moved on", COORDINATOR, T0))
                    .when(new StartDiscussion(FORUM, Stage.EXPERT_RECRUITMENT, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("recruitment.too-few-experts"));
        }

        @Test
        void recordsAnExpertLeavingWithTheirGroup() {
            fixture.given(created(), expert("Ana", GOVERNMENT))
                    .when(new WithdrawExpert(FORUM, "Ana", "Moved on", COORDINATOR, T0))
                    .expectEvents(new ExpertLeft(FORUM, "Ana", GOVERNMENT, "Moved on", COORDINATOR, T0));
        }

        @Test
        void refusesAnUnknownExpertLeaving() {
            fixture.given(created())
                    .when(new WithdrawExpert(FORUM, "Zoe", null, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("expert.unknown"));
        }

        @Test
        void refusesTheSameExpertTwice() {
            fixture.given(created(), expert("Ana", GOVERNMENT))
                    .when(new RegisterExpert(FORUM, "Ana", GOVERNMENT, "Org of Ana", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("expert.already-registered"));
        }
    }

    @Nested
    class Discussion {

        @Test
        void setsTheMailingList() {
            fixture.given(created())
                    .when(new SetMailingList(FORUM, "bpf-spam@intgovforum.org", COORDINATOR, T0))
                    .expectEvents(new MailingListSet(FORUM, "bpf-spam@intgovforum.org", COORDINATOR, T0));
        }

        @Test
        void refusesAMailingListWithoutAddress() {
            fixture.given(created())
                    .when(new SetMailingList(FORUM, "spam list", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("mailing-list.invalid-address"));
        }

        @Test
        void recordsAVirtualMeetingDuringTheDiscussion() {
            LocalDate day = LocalDate.of(2015, 4, 14);
            fixture.given(created(), expert("Ana", GOVERNMENT), new DiscussionStarted(FORUM, 1, 1, COORDINATOR, T0))
                    .when(new RecordVirtualMeeting(FORUM, day, 17, "Scope agreed", null, COORDINATOR, T0))
                    .expectEvents(new VirtualMeetingRecorded(FORUM, day, 17, "Scope agreed", null, COORDINATOR, T0));
        }

        @Test
        void refusesAVirtualMeetingBeforeTheDiscussion() {
            fixture.given(created())
                    .when(new RecordVirtualMeeting(FORUM, LocalDate.of(2015, 4, 14), 17, "Too early", null, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("meeting.before-discussion"));
        }

        @Test
        void refusesAVirtualMeetingWithoutAttendees() {
            fixture.given(created(), new DiscussionStarted(FORUM, 1, 1, COORDINATOR, T0))
                    .when(new RecordVirtualMeeting(FORUM, LocalDate.of(2015, 4, 14), 0, null, null, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("meeting.details-required"));
        }
    }

    @Nested
    class Continuity {

        @Test
        void handsLastYearsExpertsAndMailingListToItsContinuation() {
            fixture.given(new ForumCreated(FORUM, 2014, "Spam", List.of(), SECRETARIAT, T0), expert("Ana", GOVERNMENT),
                            new MailingListSet(FORUM, "bpf-spam@intgovforum.org", COORDINATOR, T0))
                    .when(new HandOverToNextCycle(FORUM, new ForumId("next"), 2015, SECRETARIAT, T0))
                    .expectEvents(new ForumContinuedIn(FORUM, new ForumId("next"), 2015, SECRETARIAT, T0))
                    .expectResultMessagePayload(new Handover(2014, "Spam", List.of(new Expert("Ana", GOVERNMENT, "Org of Ana")),
                            "bpf-spam@intgovforum.org"));
        }

        @Test
        void continuesAForumOnlyOnce() {
            fixture.given(new ForumCreated(FORUM, 2014, "Spam", List.of(), SECRETARIAT, T0),
                            new ForumContinuedIn(FORUM, new ForumId("next"), 2015, SECRETARIAT, T0))
                    .when(new HandOverToNextCycle(FORUM, new ForumId("other"), 2015, SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("continuation.already-continued"));
        }

        @Test
        void continuesAForumOnlyInALaterCycle() {
            fixture.given(created())
                    .when(new HandOverToNextCycle(FORUM, new ForumId("next"), 2015, SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("continuation.not-a-later-cycle"));
        }

        @Test
        void carriesOverExpertsAndReactivatesTheMailingList() {
            List<Expert> experts = List.of(new Expert("Ana", GOVERNMENT, "CGI.br"));
            fixture.given(created())
                    .when(new ContinueFromPreviousCycle(FORUM, LAST_YEAR, new Handover(2014, "Spam", experts, "spam@list.org"),
                            SECRETARIAT, T0))
                    .expectEvents(new ForumContinuedFrom(FORUM, LAST_YEAR, 2014, "Spam", SECRETARIAT, T0),
                            new ExpertsCarriedOver(FORUM, LAST_YEAR, experts, SECRETARIAT, T0),
                            new MailingListReactivated(FORUM, "spam@list.org", LAST_YEAR, SECRETARIAT, T0));
        }

        @Test
        void refusesToContinueAForumOfTheSameCycle() {
            fixture.given(created())
                    .when(new ContinueFromPreviousCycle(FORUM, LAST_YEAR, new Handover(2015, "Spam", List.of(), null), SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("continuation.not-a-later-cycle"));
        }

        @Test
        void refusesToContinueTwoForums() {
            fixture.given(created(), new ForumContinuedFrom(FORUM, LAST_YEAR, 2014, "Spam", SECRETARIAT, T0))
                    .when(new ContinueFromPreviousCycle(FORUM, new ForumId("x"), new Handover(2014, "Spam", List.of(), null),
                            SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("continuation.only-when-opening"));
        }
    }

    @Nested
    class Drafts {

        @Test
        void recordsTheAuthorAndTheSecretariatsSupport() {
            fixture.given(created())
                    .when(new AddDraftVersion(FORUM, "Draft", TEXT, "Wout de Natris", true, COORDINATOR, T0))
                    .expectEvents(new DraftVersionAdded(FORUM, 1, "Draft", TEXT, COORDINATOR, T0, "Wout de Natris", true));
        }

        @Test
        void opensTheConsultationOnANamedVersion() {
            fixture.given(created(), expert("Ana", GOVERNMENT), new DiscussionStarted(FORUM, 1, 1, COORDINATOR, T0),
                            new DraftingStarted(FORUM, COORDINATOR, T0), new DraftVersionAdded(FORUM, 1, "One", TEXT, COORDINATOR, T0),
                            new DraftVersionAdded(FORUM, 2, "Two", TEXT, COORDINATOR, T0))
                    .when(new OpenPublicConsultation(FORUM, Stage.DRAFTING, 1, CLOSES, COORDINATOR, T0))
                    .expectEvents(new PublicConsultationOpened(FORUM, 1, CLOSES, COORDINATOR, T0));
        }

        @Test
        void refusesAConsultationOnAnUnknownVersion() {
            fixture.given(created(), new DiscussionStarted(FORUM, 1, 1, COORDINATOR, T0), new DraftingStarted(FORUM, COORDINATOR, T0),
                            new DraftVersionAdded(FORUM, 1, "One", TEXT, COORDINATOR, T0))
                    .when(new OpenPublicConsultation(FORUM, Stage.DRAFTING, 7, CLOSES, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("draft.unknown-version"));
        }
    }

    @Nested
    class Consultation {

        @Test
        void extendsTheDeadlineBeforeItPasses() {
            fixture.given(aForumInConsultation())
                    .when(new ExtendConsultation(FORUM, LATER, "Many requests", COORDINATOR, CLOSES.minusSeconds(3600)))
                    .expectEvents(new ConsultationDeadlineExtended(FORUM, 1, CLOSES, LATER, "Many requests", COORDINATOR,
                            CLOSES.minusSeconds(3600)));
        }

        @Test
        void refusesAnExtensionOnceTheDeadlinePassed() {
            fixture.given(aForumInConsultation())
                    .when(new ExtendConsultation(FORUM, LATER, "Too late", COORDINATOR, CLOSES))
                    .expectNoEvents()
                    .expectException(violation("consultation.deadline-passed"));
        }

        @Test
        void refusesAnExtensionThatIsNotLater() {
            fixture.given(aForumInConsultation())
                    .when(new ExtendConsultation(FORUM, CLOSES.minusSeconds(60), "Shorter", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("consultation.extension-not-later"));
        }

        @Test
        void refusesAnExtensionWithoutReason() {
            fixture.given(aForumInConsultation())
                    .when(new ExtendConsultation(FORUM, LATER, " ", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("consultation.extension-reason-required"));
        }

        @Test
        void refusesAnExtensionOutsideTheConsultation() {
            fixture.given(created())
                    .when(new ExtendConsultation(FORUM, LATER, "Why not", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("consultation.not-open"));
        }

        @Test
        void acceptsCommentsUntilTheExtendedDeadline() {
            fixture.given(with(aForumInConsultation(), new ConsultationDeadlineExtended(FORUM, 1, CLOSES, LATER, "More time",
                            COORDINATOR, T0)))
                    .when(new SubmitComment(FORUM, "c1", 2, "Jane", CIVIL_SOCIETY, "APC", "Name the networks.", PUBLIC,
                            CLOSES.plusSeconds(60)))
                    .expectEvents(new CommentSubmitted(FORUM, "c1", 1, 2, "Jane", "Name the networks.", PUBLIC,
                            CLOSES.plusSeconds(60), CIVIL_SOCIETY, "APC", false, 1));
        }

        @Test
        void closesTheConsultationAtTheExtendedDeadlineOnly() {
            fixture.given(with(aForumInConsultation(), new ConsultationDeadlineExtended(FORUM, 1, CLOSES, LATER, "More time",
                            COORDINATOR, T0)))
                    .when(new ClosePublicConsultation(FORUM, Stage.PUBLIC_CONSULTATION, Actor.system("timer"), CLOSES))
                    .expectNoEvents()
                    .expectException(violation("consultation.open-until-deadline"));
        }

        @Test
        void recordsTheClosingAtTheDeadlineEvenWhenTheTimerRunsLate() {
            fixture.given(aForumInConsultation())
                    .when(new ClosePublicConsultation(FORUM, Stage.PUBLIC_CONSULTATION, Actor.system("timer"), CLOSES.plusSeconds(90)))
                    .expectEvents(new PublicConsultationClosed(FORUM, 1, 0, Actor.system("timer"), CLOSES));
        }
    }

    @Nested
    class Moderation {

        @Test
        void holdsNewCommentsUnderPreModeration() {
            fixture.given(with(aForumInConsultation(), new PreModerationSwitched(FORUM, true, COORDINATOR, T0)))
                    .when(new SubmitComment(FORUM, "c1", 2, "Jane", "Name the networks.", PUBLIC, T0.plusSeconds(60)))
                    .expectEvents(comment("c1", true));
        }

        @Test
        void switchingPreModerationToWhatItIsRecordsNothing() {
            fixture.given(aForumInConsultation())
                    .when(new SwitchPreModeration(FORUM, false, COORDINATOR, T0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void approvesAHeldComment() {
            fixture.given(with(aForumInConsultation(), comment("c1", true)))
                    .when(new ApproveComment(FORUM, "c1", COORDINATOR, T0))
                    .expectEvents(new CommentApproved(FORUM, "c1", COORDINATOR, T0));
        }

        @Test
        void refusesToApproveACommentThatIsNotHeld() {
            fixture.given(with(aForumInConsultation(), comment("c1", false)))
                    .when(new ApproveComment(FORUM, "c1", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("comment.not-held"));
        }

        @Test
        void hidesACommentWithAReason() {
            fixture.given(with(aForumInConsultation(), comment("c1", false)))
                    .when(new HideComment(FORUM, "c1", "Abusive", COORDINATOR, T0))
                    .expectEvents(new CommentHidden(FORUM, "c1", "Abusive", COORDINATOR, T0));
        }

        @Test
        void refusesToHideWithoutReason() {
            fixture.given(with(aForumInConsultation(), comment("c1", false)))
                    .when(new HideComment(FORUM, "c1", "", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("comment.hide-reason-required"));
        }

        @Test
        void refusesToHideTwice() {
            fixture.given(with(aForumInConsultation(), comment("c1", false), new CommentHidden(FORUM, "c1", "Abusive", COORDINATOR, T0)))
                    .when(new HideComment(FORUM, "c1", "Again", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("comment.already-hidden"));
        }

        @Test
        void refusesToModerateAnUnknownComment() {
            fixture.given(aForumInConsultation())
                    .when(new HideComment(FORUM, "nope", "Abusive", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("comment.unknown"));
        }
    }

    @Nested
    class Revision {

        @Test
        void givesACommentItsDisposition() {
            fixture.given(aForumInRevisionWithComments())
                    .when(new DisposeComment(FORUM, "c1", Disposition.PARTIALLY_ACCEPTED, "Named two", COORDINATOR, T0))
                    .expectEvents(new CommentDisposed(FORUM, "c1", Disposition.PARTIALLY_ACCEPTED, "Named two", COORDINATOR, T0));
        }

        @Test
        void refusesADispositionOutsideTheRevision() {
            fixture.given(with(aForumInConsultation(), comment("c1", false)))
                    .when(new DisposeComment(FORUM, "c1", Disposition.ACCEPTED, "Fine", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("revision.not-in-revision"));
        }

        @Test
        void refusesADispositionWithoutNote() {
            fixture.given(aForumInRevisionWithComments())
                    .when(new DisposeComment(FORUM, "c1", Disposition.ACCEPTED, " ", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("disposition.details-required"));
        }

        @Test
        void refusesADispositionForAHiddenComment() {
            fixture.given(aForumInRevisionWithComments(new CommentHidden(FORUM, "c1", "Spam", COORDINATOR, T0)))
                    .when(new DisposeComment(FORUM, "c1", Disposition.OUT_OF_SCOPE, "Spam", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("comment.hidden"));
        }

        @Test
        void refusesADispositionForACommentStillHeld() {
            fixture.given(with(aForumInConsultation(), comment("c1", true),
                            new PublicConsultationClosed(FORUM, 1, 1, Actor.system("timer"), CLOSES)))
                    .when(new DisposeComment(FORUM, "c1", Disposition.ACCEPTED, "Fine", COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("comment.held-for-moderation"));
        }

        @Test
        void keepsTheRevisionOpenWhileACommentLacksADisposition() {
            fixture.given(aForumInRevisionWithComments(new DraftVersionAdded(FORUM, 2, "Revised", TEXT, COORDINATOR, T0),
                            new CommentDisposed(FORUM, "c1", Disposition.ACCEPTED, "Done", COORDINATOR, T0)))
                    .when(new CompleteRevision(FORUM, Stage.REVISION, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("revision.comments-without-disposition"));
        }

        @Test
        void completesTheRevisionWhenEveryVisibleCommentHasADisposition() {
            fixture.given(aForumInRevisionWithComments(new DraftVersionAdded(FORUM, 2, "Revised", TEXT, COORDINATOR, T0),
                            new CommentDisposed(FORUM, "c1", Disposition.ACCEPTED, "Done", COORDINATOR, T0),
                            new CommentHidden(FORUM, "c2", "Off-topic advertising", COORDINATOR, T0)))
                    .when(new CompleteRevision(FORUM, Stage.REVISION, COORDINATOR, T0))
                    .expectEvents(new RevisionCompleted(FORUM, 2, COORDINATOR, T0));
        }

        @Test
        void opensASecondRoundOnTheRevisedVersion() {
            fixture.given(aForumInRevisionWithComments(new DraftVersionAdded(FORUM, 2, "Revised", TEXT, COORDINATOR, T0),
                            new CommentDisposed(FORUM, "c1", Disposition.ACCEPTED, "Done", COORDINATOR, T0),
                            new CommentDisposed(FORUM, "c2", Disposition.NOT_ACCEPTED, "Out of mandate", COORDINATOR, T0)))
                    .when(new OpenSecondConsultationRound(FORUM, Stage.REVISION, LATER, COORDINATOR, CLOSES.plusSeconds(60)))
                    .expectEvents(new SecondConsultationRoundOpened(FORUM, 2, 2, LATER, COORDINATOR, CLOSES.plusSeconds(60)));
        }

        @Test
        void refusesASecondRoundBeforeTheRevisionIsDone() {
            fixture.given(aForumInRevisionWithComments(new DraftVersionAdded(FORUM, 2, "Revised", TEXT, COORDINATOR, T0)))
                    .when(new OpenSecondConsultationRound(FORUM, Stage.REVISION, LATER, COORDINATOR, CLOSES.plusSeconds(60)))
                    .expectNoEvents()
                    .expectException(violation("revision.comments-without-disposition"));
        }

        @Test
        void asksForDispositionsOfTheSecondRoundOnly() {
            fixture.given(aForumInRevisionWithComments(new DraftVersionAdded(FORUM, 2, "Revised", TEXT, COORDINATOR, T0),
                            new CommentDisposed(FORUM, "c1", Disposition.ACCEPTED, "Done", COORDINATOR, T0),
                            new CommentDisposed(FORUM, "c2", Disposition.ACCEPTED, "Done", COORDINATOR, T0),
                            new SecondConsultationRoundOpened(FORUM, 2, 2, LATER, COORDINATOR, CLOSES),
                            new CommentSubmitted(FORUM, "c3", 2, 1, "Jane", "Better.", PUBLIC, CLOSES.plusSeconds(5), null, null, false, 2),
                            new PublicConsultationClosed(FORUM, 2, 1, Actor.system("timer"), LATER),
                            new DraftVersionAdded(FORUM, 3, "Final", TEXT, COORDINATOR, LATER)))
                    .when(new CompleteRevision(FORUM, Stage.REVISION, COORDINATOR, LATER))
                    .expectNoEvents()
                    .expectException(violation("revision.comments-without-disposition"));
        }
    }

    @Nested
    class Presentation {

        private List<Object> aForumInPresentation(Object... more) {
            return with(aForumInRevisionWithComments(new DraftVersionAdded(FORUM, 2, "Revised", TEXT, COORDINATOR, T0),
                    new CommentDisposed(FORUM, "c1", Disposition.ACCEPTED, "Done", COORDINATOR, T0),
                    new CommentDisposed(FORUM, "c2", Disposition.ACCEPTED, "Done", COORDINATOR, T0),
                    new RevisionCompleted(FORUM, 2, COORDINATOR, T0)), more);
        }

        @Test
        void schedulesTheAnnualMeetingSession() {
            Instant starts = Instant.parse("2015-11-12T12:00:00Z");
            fixture.given(aForumInPresentation())
                    .when(new ScheduleAnnualMeetingSession(FORUM, "BPF on Spam", starts, "Room 3", SECRETARIAT, T0))
                    .expectEvents(new AnnualMeetingSessionScheduled(FORUM, "BPF on Spam", starts, "Room 3", SECRETARIAT, T0));
        }

        @Test
        void refusesASessionWithoutTitle() {
            fixture.given(aForumInPresentation())
                    .when(new ScheduleAnnualMeetingSession(FORUM, " ", Instant.parse("2015-11-12T12:00:00Z"), null, SECRETARIAT, T0))
                    .expectNoEvents()
                    .expectException(violation("session.details-required"));
        }

        @Test
        void presentsInTheScheduledSessionAndPublishesTheRevisedVersion() {
            Instant presented = Instant.parse("2015-11-12T12:00:00Z");
            Instant published = Instant.parse("2015-12-01T00:00:00Z");
            fixture.given(aForumInPresentation(new AnnualMeetingSessionScheduled(FORUM, "BPF on Spam", presented, "Room 3",
                            SECRETARIAT, T0)))
                    .when(new RecordPresentation(FORUM, Stage.PRESENTATION, presented, null, null, published, COORDINATOR, presented))
                    .expectEvents(new OutcomePresented(FORUM, presented, "BPF on Spam", COORDINATOR, presented),
                            new OutcomePublished(FORUM, 2, published, COORDINATOR, presented));
        }

        @Test
        void refusesToPublishAVersionOlderThanTheRevision() {
            fixture.given(aForumInPresentation())
                    .when(new RecordPresentation(FORUM, Stage.PRESENTATION, T0, "Session", 1, null, COORDINATOR, T0))
                    .expectNoEvents()
                    .expectException(violation("outcome.older-than-revision"));
        }
    }
}
