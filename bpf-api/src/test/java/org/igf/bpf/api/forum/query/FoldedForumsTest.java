package org.igf.bpf.api.forum.query;

import org.igf.bpf.core.forum.CommentSubmitted;
import org.igf.bpf.core.forum.DraftVersionAdded;
import org.igf.bpf.core.forum.ForumCreated;
import org.igf.bpf.core.forum.ForumId;
import org.igf.bpf.core.forum.PublicConsultationOpened;
import org.igf.bpf.core.shared.Actor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedForumsTest {

    private static final Actor SECRETARIAT = new Actor("secretariat", "SECRETARIAT");
    private static final Instant AT = Instant.parse("2015-06-01T10:00:00Z");

    /** A forum in consultation (versions 0 and 1) with this many comments after it, one event each. */
    private static ForumView forum(String id, int comments) {
        ForumId forumId = new ForumId(id);
        ForumFold fold = ForumFold.empty().apply(new ForumCreated(forumId, 2015, "Topic " + id, List.of("coordinator"), SECRETARIAT, AT), 0)
                .apply(new PublicConsultationOpened(forumId, 1, AT.plusSeconds(86_400), SECRETARIAT, AT), 1);
        for (int i = 1; i <= comments; i++) {
            fold.apply(new CommentSubmitted(forumId, id + "-c" + i, 1, null, "Author", "Text", SECRETARIAT, AT), 1 + i);
        }
        return fold.view();
    }

    @Test
    void keepsTheLatestVersionOfAForumAndNeverGoesBack() {
        FoldedForums folded = new FoldedForums(100);
        ForumView older = forum("a", 1);
        ForumView newer = forum("a", 2);

        folded.put(newer);
        folded.put(older);

        assertThat(folded.get("a")).isSameAs(newer);
        assertThat(folded.get("b")).isNull();
        assertThat(folded.weight()).isEqualTo(3);
    }

    @Test
    void dropsTheLeastRecentlyUsedForumsBeyondItsWeight() {
        FoldedForums folded = new FoldedForums(10);
        folded.put(forum("a", 3)); // weight 4
        folded.put(forum("b", 3)); // weight 4
        folded.get("a");           // a used after b

        folded.put(forum("c", 3)); // 12 > 10: b goes

        assertThat(folded.get("b")).isNull();
        assertThat(folded.get("a")).isNotNull();
        assertThat(folded.get("c")).isNotNull();
        assertThat(folded.weight()).isEqualTo(8);
    }

    @Test
    void aForumHeavierThanTheWholeBudgetIsNotKeptAndItsOlderViewIsDropped() {
        FoldedForums folded = new FoldedForums(10);
        folded.put(forum("a", 2));

        folded.put(forum("a", 20));

        assertThat(folded.get("a")).isNull();
        assertThat(folded.size()).isZero();
        assertThat(folded.weight()).isZero();
    }

    @Test
    void draftsWeighByTheirLength() {
        ForumId id = new ForumId("d");
        ForumView withDraft = ForumFold.empty()
                .apply(new ForumCreated(id, 2015, "Drafts", List.of(), SECRETARIAT, AT), 0)
                .apply(new DraftVersionAdded(id, 1, "Draft", "x".repeat(5_500), SECRETARIAT, AT), 1)
                .view();

        assertThat(FoldedForums.weightOf(withDraft)).isEqualTo(1 + 5);
    }
}
