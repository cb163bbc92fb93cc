package org.igf.bpf.api.dashboard.web;

import org.igf.bpf.api.dashboard.query.Board;
import org.igf.bpf.api.dashboard.query.DashboardForumView;
import org.igf.bpf.api.dashboard.query.DashboardForumView.DeadlineView;
import org.igf.bpf.api.dashboard.query.DashboardForumView.StageSpan;
import org.igf.bpf.core.forum.Stage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a forum's timeline, drawn as SVG by the forum page: a row per stage, a bar for each
 * time the forum was in it, a line for today and one for each deadline. Coordinates are in the SVG's
 * own units (viewBox 0 0 {@value #WIDTH} height); the page scales it to the screen.
 */
record TimelineView(int width, int height, int axisY, List<Row> rows, List<Bar> bars, List<Marker> markers,
                    List<Tick> ticks, String summary) {

    static final int WIDTH = 800;
    static final int LEFT = 180;
    static final int RIGHT = 20;
    static final int TOP = 40;
    static final int ROW = 26;

    record Row(String label, int y, int textY) {
    }

    record Bar(String label, int x, int y, int width, int height, boolean current, String title) {
    }

    /** {@code kind} today or deadline; the label is drawn at (textX, textY), anchored start or end. */
    record Marker(String kind, String label, int x, int y1, int y2, int textX, int textY, String anchor) {
    }

    /** {@code anchor}: the first label starts at its tick, the last ends at it, the others are centred. */
    record Tick(int x, String label, String anchor) {
    }

    static TimelineView of(DashboardForumView forum, Instant now) {
        Instant start = forum.createdAt();
        Instant end = now;
        for (DeadlineView deadline : forum.deadlines()) {
            if (deadline.at().isAfter(end)) {
                end = deadline.at();
            }
        }
        Duration span = Duration.between(start, end);
        if (span.compareTo(Duration.ofMinutes(1)) < 0) {
            span = Duration.ofMinutes(1);
        }
        Instant last = start.plus(span.plus(span.dividedBy(20))); // a little room after the last mark
        Scale scale = new Scale(start, last);

        List<Row> rows = new ArrayList<>();
        Stage[] stages = Stage.values();
        for (int i = 0; i < stages.length; i++) {
            int y = TOP + i * ROW;
            rows.add(new Row(Board.title(stages[i]), y, y + ROW / 2 + 5));
        }
        int axisY = TOP + stages.length * ROW + 4;

        List<Bar> bars = new ArrayList<>();
        List<String> said = new ArrayList<>();
        List<StageSpan> spans = forum.stages();
        for (int i = 0; i < spans.size(); i++) {
            StageSpan span1 = spans.get(i);
            boolean current = i == spans.size() - 1;
            Instant until = current ? (span1.stage() == Stage.CONCLUDED ? span1.enteredAt() : now) : spans.get(i + 1).enteredAt();
            int x = scale.x(span1.enteredAt());
            int width = Math.max(4, scale.x(until) - x);
            int y = TOP + span1.stage().ordinal() * ROW + 4;
            String title = Board.title(span1.stage()) + ": " + date(span1.enteredAt())
                    + (span1.stage() == Stage.CONCLUDED ? "" : current ? " until now" : " to " + date(until));
            bars.add(new Bar(Board.title(span1.stage()), x, y, width, ROW - 8, current, title));
            said.add(title);
        }

        List<Marker> markers = new ArrayList<>();
        int todayX = scale.x(now);
        markers.add(marker("today", "today", todayX, 14, axisY));
        for (DeadlineView deadline : forum.deadlines()) {
            int x = scale.x(deadline.at());
            String label = deadline.label() + " " + date(deadline.at());
            markers.add(marker("deadline", label, x, 30, axisY));
            said.add("Deadline: " + label + (deadline.open() ? "" : " (met)"));
        }

        List<Tick> ticks = new ArrayList<>();
        boolean shortSpan = Duration.between(start, last).compareTo(Duration.ofDays(2)) < 0;
        for (int i = 0; i <= 4; i++) {
            Instant at = start.plus(Duration.between(start, last).multipliedBy(i).dividedBy(4));
            ticks.add(new Tick(scale.x(at), shortSpan ? TIME.format(at) : DAY.format(at), i == 0 ? "start" : i == 4 ? "end" : "middle"));
        }
        return new TimelineView(WIDTH, axisY + 24, axisY, rows, bars, markers, ticks, String.join("; ", said) + ".");
    }

    private static Marker marker(String kind, String label, int x, int textY, int axisY) {
        boolean right = x > LEFT + (WIDTH - LEFT - RIGHT) * 2 / 3;
        return new Marker(kind, label, x, textY + 4, axisY, right ? x - 4 : x + 4, textY, right ? "end" : "start");
    }

    static String date(Instant at) {
        return DAY.format(at);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Scale(Instant start, Instant end) {
        int x(Instant at) {
            double share = (double) Duration.between(start, at).toMillis() / Math.max(1, Duration.between(start, end).toMillis());
            return LEFT + (int) Math.round(Math.max(0, Math.min(1, share)) * (WIDTH - LEFT - RIGHT));
        }
    }
}
