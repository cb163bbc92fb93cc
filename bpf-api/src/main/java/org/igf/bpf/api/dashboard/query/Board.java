package org.igf.bpf.api.dashboard.query;

import org.igf.bpf.api.dashboard.query.BoardView.Attention;
import org.igf.bpf.api.dashboard.query.BoardView.CardView;
import org.igf.bpf.api.dashboard.query.BoardView.ColumnView;
import org.igf.bpf.api.dashboard.query.BoardView.GroupCount;
import org.igf.bpf.api.dashboard.query.BoardView.NextDeadline;
import org.igf.bpf.api.dashboard.query.DashboardForumView.DeadlineView;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns dashboard views into the board: which column, how long in the stage, what is due next and
 * what needs attention, all relative to the clock's now. The views may have been parsed for an earlier
 * request ({@link BoardRows}, only while the table is unchanged); what depends on the time is worked
 * out again for every board.
 */
@Component
public class Board {

    // worked out once: a board of a thousand cards asks for six group labels per card
    private static final Map<Stage, String> TITLES = words(Stage.class);
    private static final Map<StakeholderGroup, String> GROUP_LABELS = words(StakeholderGroup.class);

    private final BoardRows rows;
    private final DashboardProperties properties;
    private final Clock clock;

    public Board(BoardRows rows, DashboardProperties properties, Clock clock) {
        this.rows = rows;
        this.properties = properties;
        this.clock = clock;
    }

    /** The board of a cycle; with no cycle given, the latest cycle that has forums (or this year's). */
    public BoardView of(Integer cycle) {
        BoardRows.Rows now = rows.now();
        List<Integer> cycles = now.cycles();
        int shown = cycle != null ? cycle : cycles.isEmpty() ? Year.now(clock.withZone(ZoneOffset.UTC)).getValue() : cycles.get(0);
        return board(shown, cycles, now.forums(shown), clock.instant());
    }

    public BoardView board(int cycle, List<Integer> cycles, List<DashboardForumView> forums, Instant now) {
        List<ColumnView> columns = new ArrayList<>();
        int attention = 0;
        for (Stage stage : Stage.values()) {
            List<CardView> cards = forums.stream().filter(f -> f.stage() == stage).map(f -> card(f, now)).toList();
            attention += (int) cards.stream().filter(c -> !c.attention().isEmpty()).count();
            columns.add(new ColumnView(stage, title(stage), cards));
        }
        return new BoardView(cycle, cycles, now, forums.size(), attention, columns);
    }

    public CardView card(DashboardForumView forum, Instant now) {
        boolean concluded = forum.stage() == Stage.CONCLUDED;
        NextDeadline next = concluded ? null : nextDeadline(forum, now);
        List<Attention> attention = new ArrayList<>();
        if (!concluded) {
            if (forum.coordinators().isEmpty()) {
                attention.add(new Attention("no-coordinator", "No coordinator: call for volunteers"));
            }
            if (next != null && next.soon()) {
                attention.add(new Attention("deadline-soon", "Deadline within " + days(properties.deadlineWarningDays())));
            }
            long idleDays = Duration.between(forum.lastActivityAt(), now).toDays();
            if (idleDays > properties.stalledAfterDays()) {
                attention.add(new Attention("stalled", "No progress for " + days(idleDays)));
            }
        }
        List<GroupCount> groups = new ArrayList<>();
        for (StakeholderGroup group : StakeholderGroup.values()) {
            groups.add(new GroupCount(group, groupLabel(group), forum.expertsByGroup().getOrDefault(group, 0)));
        }
        return new CardView(forum.id(), forum.topic(), forum.stage(), forum.coordinators(), forum.coordinators().isEmpty(),
                forum.stageEnteredAt(), Math.max(0, Duration.between(forum.stageEnteredAt(), now).toDays()), forum.lastActivityAt(),
                next, List.copyOf(groups), forum.expertCount(), forum.commentCount(), List.copyOf(attention));
    }

    NextDeadline nextDeadline(DashboardForumView forum, Instant now) {
        return forum.deadlines().stream().filter(DeadlineView::open).min(Comparator.comparing(DeadlineView::at))
                .map(d -> new NextDeadline(d.kind(), d.at(), d.label() + " " + relative(now, d.at()),
                        !d.at().isAfter(now.plus(Duration.ofDays(properties.deadlineWarningDays())))))
                .orElse(null);
    }

    /** "in 4 days", "in 5 hours", "in less than an hour", "now", "2 days ago". */
    static String relative(Instant now, Instant at) {
        Duration until = Duration.between(now, at);
        if (until.isNegative()) {
            Duration since = until.negated();
            return since.toHours() < 1 ? "now" : since.toDays() < 1 ? plural(since.toHours(), "hour") + " ago"
                    : plural(since.toDays(), "day") + " ago";
        }
        if (until.toHours() < 1) {
            return "in less than an hour";
        }
        // 3 days 23 hours reads as "in 4 days"
        return until.toDays() < 1 ? "in " + plural(until.toHours(), "hour") : "in " + plural(Math.round(until.toHours() / 24.0), "day");
    }

    /** "Public consultation" for PUBLIC_CONSULTATION. */
    public static String title(Stage stage) {
        return TITLES.get(stage);
    }

    /** "Technical community" for TECHNICAL_COMMUNITY. */
    public static String groupLabel(StakeholderGroup group) {
        return GROUP_LABELS.get(group);
    }

    private static <E extends Enum<E>> Map<E, String> words(Class<E> type) {
        Map<E, String> words = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            words.put(constant, capitalise(constant.name()));
        }
        return words;
    }

    private static String capitalise(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String days(long n) {
        return plural(n, "day");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
