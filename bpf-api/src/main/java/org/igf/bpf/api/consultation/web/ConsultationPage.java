package org.igf.bpf.api.consultation.web;

import org.igf.bpf.api.forum.query.ForumView;
import org.igf.bpf.api.forum.query.ForumView.CommentView;
import org.igf.bpf.api.forum.query.ForumView.ConsultationView;
import org.igf.bpf.api.forum.query.ForumView.DraftView;
import org.igf.bpf.core.forum.Paragraphs;
import org.igf.bpf.core.forum.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The consulted draft of a forum as the consultation page shows it: paragraph by paragraph with the
 * comments of the current round on each, the comments on the whole document, whether comments are
 * still accepted, and, once the draft has been revised, which version revised it.
 *
 * @param open     comments are accepted now (the forum is in consultation and the deadline lies ahead)
 * @param revision the latest draft version after the consulted one, once the consultation is over; null before
 */
public record ConsultationPage(ForumView forum, ConsultationView consultation, DraftView draft, List<ParagraphView> paragraphs,
                               List<CommentView> documentComments, boolean open, String deadline, DraftView revision) {

    private static final DateTimeFormatter DEADLINE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public record ParagraphView(int number, String text, List<CommentView> comments) {
    }

    /** {@code forum} as its viewer may see it (the public: published comments only). */
    public static ConsultationPage of(ForumView forum, Instant now) {
        ConsultationView consultation = forum.consultation();
        if (consultation == null) {
            return new ConsultationPage(forum, null, null, List.of(), List.of(), false, null, null);
        }
        DraftView draft = forum.drafts().get(consultation.draftVersion() - 1);
        List<CommentView> round = forum.comments().stream()
                .filter(c -> c.round() == consultation.round() && c.draftVersion() == consultation.draftVersion())
                .sorted(Comparator.comparing(CommentView::submittedAt))
                .toList();
        List<ParagraphView> paragraphs = new ArrayList<>();
        List<String> texts = Paragraphs.of(draft.text());
        for (int i = 0; i < texts.size(); i++) {
            int number = i + 1;
            paragraphs.add(new ParagraphView(number, texts.get(i),
                    round.stream().filter(c -> c.paragraph() != null && c.paragraph() == number).toList()));
        }
        boolean open = forum.stage() == Stage.PUBLIC_CONSULTATION && consultation.closedAt() == null
                && now.isBefore(consultation.closesAt());
        DraftView latest = forum.drafts().get(forum.drafts().size() - 1);
        DraftView revision = forum.stage() != Stage.PUBLIC_CONSULTATION && latest.version() > draft.version() ? latest : null;
        return new ConsultationPage(forum, consultation, draft, List.copyOf(paragraphs),
                round.stream().filter(c -> c.paragraph() == null).toList(), open,
                deadline(consultation, open, now), revision);
    }

    /** "closes 30 September 2015, 23:59 UTC — in 4 days", or when it closed. */
    static String deadline(ConsultationView consultation, boolean open, Instant now) {
        if (open) {
            return "closes " + DEADLINE.format(consultation.closesAt()) + " — " + in(Duration.between(now, consultation.closesAt()));
        }
        return "closed " + DEADLINE.format(consultation.closesAt());
    }

    static String in(Duration left) {
        if (left.toDays() >= 1) {
            return plural(left.toDays(), "day");
        }
        if (left.toHours() >= 1) {
            return plural(left.toHours(), "hour");
        }
        if (left.toMinutes() >= 1) {
            return plural(left.toMinutes(), "minute");
        }
        return "in less than a minute";
    }

    private static String plural(long count, String unit) {
        return "in " + count + " " + unit + (count == 1 ? "" : "s");
    }

    public boolean hasComments() {
        return !documentComments.isEmpty() || paragraphs.stream().anyMatch(p -> !p.comments().isEmpty());
    }
}
