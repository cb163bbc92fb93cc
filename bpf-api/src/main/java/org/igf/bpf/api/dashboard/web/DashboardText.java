package org.igf.bpf.api.dashboard.web;

import org.igf.bpf.api.dashboard.query.Board;
import org.igf.bpf.api.dashboard.query.BoardView.CardView;
import org.igf.bpf.api.dashboard.query.BoardView.GroupCount;
import org.igf.bpf.core.forum.Stage;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** Words and dates for the dashboard templates, as {@code @dashboardText.method(...)}. */
@Component("dashboardText")
public class DashboardText {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public String stage(Stage stage) {
        return Board.title(stage);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    public String date(Instant at) {
        return at == null ? "" : TimelineView.date(at);
    }

    public String group(org.igf.bpf.core.forum.StakeholderGroup group) {
        return group == null ? "" : Board.groupLabel(group);
    }

    public String days(long days) {
        return days == 1 ? "1 day" : days + " days";
    }

    /** "Experts: Government 1, Civil society 2, Academia 0". */
    public String experts(CardView card) {
        return "Experts by stakeholder group: " + card.expertsByGroup().stream()
                .map(g -> g.label() + " " + g.count()).collect(Collectors.joining(", "));
    }

    /** Height of a group's column in the card's small bar chart: 4 units per expert, at most 24. */
    public int barHeight(GroupCount group) {
        return group.count() == 0 ? 1 : Math.min(24, group.count() * 4);
    }

    public String cssName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
