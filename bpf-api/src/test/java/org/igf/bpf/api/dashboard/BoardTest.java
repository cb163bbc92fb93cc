package org.igf.bpf.api.dashboard;

import org.igf.bpf.api.dashboard.query.Board;
import org.igf.bpf.api.dashboard.query.BoardView;
import org.igf.bpf.api.dashboard.query.BoardView.CardView;
import org.igf.bpf.api.dashboard.query.DashboardFold;
import org.igf.bpf.api.dashboard.query.DashboardForumView;
import org.igf.bpf.api.dashboard.query.DashboardProperties;
import org.igf.bpf.core.forum.CommentSubmitted;
import org.igf.bpf.core.forum.DiscussionStarted;
import org.igf.bpf.core.forum.DraftingStarted;
import org.igf.bpf.core.forum.ExpertRegistered;
import org.igf.bpf.core.forum.ForumCreated;
import org.igf.bpf.core.forum.ForumEvent;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.PublicConsultationClosed;
import org.igf.bpf.core.forum.PublicConsultationOpened;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's arithmetic: columns, days in stage, the next deadline and the needs-attention marks. */
class BoardTest {

    static final Instant START = Instant.parse("2015-03-03T10:00:00Z");
    static final ForumId ID = new ForumId("f-1");
    static final Actor ANA = new Actor("ana", "COORDINATOR");

    final Clock clock = Clock.fixed(START.plus(Duration.ofDays(40)), ZoneOffset.UTC);
    final Board board = new Board(null, new DashboardProperties(7, 14), clock);

    /** A forum event the dashboard does not know, as later issues will add. */
    record MeetingHeld(ForumId forumId, String title, Actor by, Instant at) implements ForumEvent {
    }

    DashboardFold created(List<String> coordinators) {
        return DashboardFold.empty().apply(new ForumCreated(ID, 2015, "IXPs", coordinators, ANA, START), 0);
    }

    DashboardForumView inConsultation(Instant closesAt) {
        return created(List.of("ana"))
                .apply(new ExpertRegistered(ID, "Ben", StakeholderGroup.CIVIL_SOCIETY, null, ANA, day(1)), 1)
                .apply(new ExpertRegistered(ID, "Chen", StakeholderGroup.ACADEMIA, null, ANA, day(1)), 2)
                .apply(new ExpertRegistered(ID, "Dee", StakeholderGroup.ACADEMIA, null, ANA, day(1)), 3)
                .apply(new DiscussionStarted(ID, 3, 2, ANA, day(5)), 4)
                .apply(new DraftingStarted(ID, ANA, day(20)), 5)
                .apply(new PublicConsultationOpened(ID, 1, closesAt, ANA, day(36)), 6)
                .apply(new CommentSubmitted(ID, "c1", 1, 2, "Jane", "More on Africa", ANA, day(37)), 7)
                .view();
    }

    static Instant day(int n) {
        return START.plus(Duration.ofDays(n));
    }

    @Test
    void putsEachForumInTheColumnOfItsStage() {
        BoardView view = board.board(2015, List.of(2015), List.of(inConsultation(day(50)), created(List.of()).view()), clock.instant());

        assertThat(view.columns()).extracting(BoardView.ColumnView::stage).containsExactly(Stage.values());
        assertThat(view.columns().get(Stage.PUBLIC_CONSULTATION.ordinal()).cards()).extracting(CardView::id).containsExactly("f-1");
        assertThat(view.columns().get(Stage.EXPERT_RECRUITMENT.ordinal()).cards()).hasSize(1);
        assertThat(view.forumCount()).isEqualTo(2);
    }

    @Test
    void countsDaysInStageExpertsPerGroupAndComments() {
        CardView card = board.card(inConsultation(day(50)), clock.instant());

        assertThat(card.daysInStage()).isEqualTo(4);
        assertThat(card.expertCount()).isEqualTo(3);
        assertThat(card.expertsByGroup()).extracting(BoardView.GroupCount::group, BoardView.GroupCount::count)
                .contains(org.assertj.core.groups.Tuple.tuple(StakeholderGroup.ACADEMIA, 2),
                        org.assertj.core.groups.Tuple.tuple(StakeholderGroup.GOVERNMENT, 0));
        assertThat(card.commentCount()).isEqualTo(1);
    }

    @Test
    void saysWhenTheConsultationClosesAndMarksADeadlineWithinAWeek() {
        CardView card = board.card(inConsultation(day(44)), clock.instant());

        assertThat(card.nextDeadline().text()).isEqualTo("consultation closes in 4 days");
        assertThat(card.attention()).extracting(BoardView.Attention::code).containsExactly("deadline-soon");
    }

    @Test
    void doesNotMarkADeadlineFurtherAway() {
        CardView card = board.card(inConsultation(day(60)), clock.instant());

        assertThat(card.nextDeadline().text()).isEqualTo("consultation closes in 20 days");
        assertThat(card.attention()).isEmpty();
    }

    @Test
    void aClosedConsultationIsNoLongerADeadline() {
        DashboardForumView revised = DashboardFold.from(inConsultation(day(39)))
                .apply(new PublicConsultationClosed(ID, 1, 1, Actor.system("timer"), day(39)), 8).view();

        CardView card = board.card(revised, clock.instant());

        assertThat(card.stage()).isEqualTo(Stage.REVISION);
        assertThat(card.nextDeadline()).isNull();
        assertThat(revised.deadlines()).singleElement().satisfies(d -> assertThat(d.settledAt()).isEqualTo(day(39)));
    }

    @Test
    void marksAForumWithoutCoordinatorAsACallForVolunteers() {
        CardView card = board.card(created(List.of()).apply(new ExpertRegistered(ID, "Ben", StakeholderGroup.GOVERNMENT, null, ANA,
                day(39)), 1).view(), clock.instant());

        assertThat(card.callForVolunteers()).isTrue();
        assertThat(card.attention()).extracting(BoardView.Attention::code).containsExactly("no-coordinator");
    }

    @Test
    void marksAForumWithoutProgressForLongerThanTheConfiguredDays() {
        CardView card = board.card(created(List.of("ana")).view(), clock.instant());

        assertThat(card.attention()).extracting(BoardView.Attention::text).containsExactly("No progress for 40 days");
    }

    @Test
    void countsAnEventItDoesNotKnowAsProgressAndChangesNothingElse() {
        DashboardForumView before = created(List.of("ana")).view();
        DashboardForumView after = DashboardFold.from(before).apply(new MeetingHeld(ID, "First call", ANA, day(35)), 1).view();

        assertThat(after.lastActivityAt()).isEqualTo(day(35));
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.stage()).isEqualTo(before.stage());
        assertThat(after.stages()).isEqualTo(before.stages());
        assertThat(board.card(after, clock.instant()).attention()).isEmpty();
    }

    @Test
    void ignoresEventsOfAStreamThatDidNotStartWithForumCreated() {
        assertThat(DashboardFold.empty().apply(new DiscussionStarted(ID, 3, 2, ANA, START), 3).view()).isNull();
    }
}
