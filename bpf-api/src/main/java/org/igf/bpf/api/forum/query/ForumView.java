package org.igf.bpf.api.forum.query;

import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A forum as people read it: its stage and when it entered it, its coordinators, experts and their
 * balance over stakeholder groups, draft versions, consultation and presentation, and the stages it
 * went through. Folded from the forum's events; the same fold feeds the read table.
 */
public record ForumView(
        String id,
        int cycle,
        String topic,
        Stage stage,
        Instant stageEnteredAt,
        Instant createdAt,
        List<String> coordinators,
        List<ExpertView> experts,
        Map<StakeholderGroup, Integer> stakeholderBalance,
        List<DraftView> drafts,
        ConsultationView consultation,
        PresentationView presentation,
        List<StageVisit> stages,
        long version) {

    public record ExpertView(String name, StakeholderGroup stakeholderGroup, String organisation, Instant registeredAt) {
    }

    public record DraftView(int version, String title, String text, int paragraphs, String addedBy, Instant addedAt) {
    }

    /** {@code closedAt} is null while the consultation is open. */
    public record ConsultationView(int draftVersion, Instant openedAt, Instant closesAt, Instant closedAt, int commentCount) {
    }

    public record PresentationView(Instant presentedAt, String session) {
    }

    public record StageVisit(Stage stage, Instant enteredAt, String by) {
    }
}
