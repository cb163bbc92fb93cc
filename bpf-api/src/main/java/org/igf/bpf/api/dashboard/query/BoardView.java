package org.igf.bpf.api.dashboard.query;

import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.time.Instant;
import java.util.List;

/**
 * The board of a cycle: a column per stage, a card per forum, as of {@code asOf}. The same shape is
 * served as JSON at /api/dashboard and rendered as the page at /.
 */
public record BoardView(int cycle, List<Integer> cycles, Instant asOf, int forumCount, int needingAttention,
                        List<ColumnView> columns) {

    public record ColumnView(Stage stage, String title, List<CardView> cards) {
    }

    /**
     * One forum. {@code coordinators} empty means a call for volunteers is open; {@code nextDeadline}
     * is null when nothing is due; {@code attention} lists why someone should look at it.
     */
    public record CardView(String id, String topic, Stage stage, List<String> coordinators, boolean callForVolunteers,
                           Instant stageEnteredAt, long daysInStage, Instant lastActivityAt, NextDeadline nextDeadline,
                           List<GroupCount> expertsByGroup, int expertCount, int commentCount, List<Attention> attention) {
    }

    /** The next date due, e.g. kind consultation-closes, text "consultation closes in 4 days". */
    public record NextDeadline(String kind, Instant at, String text, boolean soon) {
    }

    /** How many experts come from a stakeholder group; the board draws these as a small bar. */
    public record GroupCount(StakeholderGroup group, String label, int count) {
    }

    /** A reason to look: code no-coordinator, deadline-soon or stalled, and the words for it. */
    public record Attention(String code, String text) {
    }
}
