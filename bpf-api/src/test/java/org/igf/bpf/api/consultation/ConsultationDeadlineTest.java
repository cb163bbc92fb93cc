package org.igf.bpf.api.consultation;

import org.igf.bpf.api.consultation.web.ConsultationPage;
import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.api.forum.query.ForumView.CommentStatus;
import org.igf.bpf.api.forum.query.ForumView.CommentView;
import org.igf.bpf.api.forum.query.ForumView.ConsultationView;
import org.igf.bpf.api.forum.query.ForumView.DraftView;
import org.igf.bpf.core.forum.Disposition;
import org.igf.bpf.core.forum.Stage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the consultation page makes of a forum: its deadline in words, paragraphs and their comments, the revision. */
class ConsultationDeadlineTest {

    static final Instant OPENED = Instant.parse("2015-08-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2015-09-30T23:59:00Z");

    @Test
    void saysWhenTheConsultationClosesAndHowLongIsLeft() {
        assertThat(page(Stage.PUBLIC_CONSULTATION, Instant.parse("2015-09-26T20:00:00Z")).deadline())
                .isEqualTo("closes 30 September 2015, 23:59 UTC — in 4 days");
        assertThat(page(Stage.PUBLIC_CONSULTATION, Instant.parse("2015-09-30T21:30:00Z")).deadline())
                .isEqualTo("closes 30 September 2015, 23:59 UTC — in 2 hours");
        assertThat(page(Stage.PUBLIC_CONSULTATION, Instant.parse("2015-09-30T23:58:00Z")).deadline()).endsWith("— in 1 minute");
    }

    @Test
    void isClosedAtTheDeadlineEvenBeforeTheForumMovesOn() {
        ConsultationPage page = page(Stage.PUBLIC_CONSULTATION, CLOSES);

        assertThat(page.open()).isFalse();
        assertThat(page.deadline()).isEqualTo("closed 30 September 2015, 23:59 UTC");
    }

    @Test
    void putsEachCommentUnderItsParagraphAndNamesTheRevisionOnceTheForumMovedOn() {
        ConsultationPage open = page(Stage.PUBLIC_CONSULTATION, OPENED);
        ConsultationPage revised = page(Stage.REVISION, CLOSES.plusSeconds(3600));

        assertThat(open.paragraphs()).extracting(ConsultationPage.ParagraphView::text).containsExactly("One.", "Two.");
        assertThat(open.paragraphs().get(1).comments()).extracting(CommentView::author).containsExactly("Ana");
        assertThat(open.documentComments()).extracting(CommentView::author).containsExactly("Ben");
        assertThat(open.revision()).as("version 2 exists, but the consultation runs").isNull();
        assertThat(revised.revision().version()).isEqualTo(2);
    }

    private static ConsultationPage page(Stage stage, Instant now) {
        List<DraftView> drafts = List.of(new DraftView(1, "Draft", "One.\n\nTwo.", 2, "coordinator", OPENED, "coordinator", false),
                new DraftView(2, "Draft", "One.\n\nTwo, revised.", 2, "coordinator", CLOSES, "coordinator", false));
        List<CommentView> comments = List.of(
                new CommentView("c1", 1, 1, 2, "Ana", null, null, "On two.", OPENED, CommentStatus.PUBLISHED, null,
                        Disposition.ACCEPTED, "Done."),
                new CommentView("c2", 1, 1, null, "Ben", null, null, "On all.", OPENED.plusSeconds(60), CommentStatus.PUBLISHED, null, null, null));
        ForumView forum = new ForumView("f", 2015, "IXPs", stage, OPENED, OPENED, List.of("coordinator"), List.of(), Map.of(), drafts,
                new ConsultationView(1, OPENED, CLOSES, null, 2, 1, List.of()), null, List.of(), 10, List.of(), false, null, null, null,
                List.of(), false, comments, null, null, List.of());
        return ConsultationPage.of(forum, now);
    }
}
