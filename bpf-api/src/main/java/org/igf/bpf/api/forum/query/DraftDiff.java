package org.igf.bpf.api.forum.query;

import org.igf.bpf.core.forum.Paragraphs;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two draft versions, paragraph by paragraph (a longest common subsequence of
 * paragraphs): each paragraph is UNCHANGED, ADDED, REMOVED, or CHANGED (a removed paragraph directly
 * replaced by an added one), with its numbers in both versions so comments can be followed across.
 */
public record DraftDiff(int from, int to, List<Change> changes) {

    public enum Kind { UNCHANGED, ADDED, REMOVED, CHANGED }

    /** {@code fromParagraph}/{@code toParagraph} are the paragraph's numbers in each version (null where absent). */
    public record Change(Kind kind, Integer fromParagraph, Integer toParagraph, String fromText, String toText) {
    }

    public static DraftDiff between(int fromVersion, String fromText, int toVersion, String toText) {
        List<String> a = Paragraphs.of(fromText);
        List<String> b = Paragraphs.of(toText);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Change> raw = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                raw.add(new Change(Kind.UNCHANGED, i + 1, j + 1, a.get(i), b.get(j)));
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                raw.add(new Change(Kind.ADDED, null, j + 1, null, b.get(j)));
                j++;
            } else {
                raw.add(new Change(Kind.REMOVED, i + 1, null, a.get(i), null));
                i++;
            }
        }
        return new DraftDiff(fromVersion, toVersion, pairReplacements(raw));
    }

    /** A removal right next to an addition is one changed paragraph. */
    private static List<Change> pairReplacements(List<Change> raw) {
        List<Change> changes = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            Change c = raw.get(k);
            Change next = k + 1 < raw.size() ? raw.get(k + 1) : null;
            if (next != null && ((c.kind() == Kind.REMOVED && next.kind() == Kind.ADDED) || (c.kind() == Kind.ADDED && next.kind() == Kind.REMOVED))) {
                Change removed = c.kind() == Kind.REMOVED ? c : next;
                Change added = c.kind() == Kind.ADDED ? c : next;
                changes.add(new Change(Kind.CHANGED, removed.fromParagraph(), added.toParagraph(), removed.fromText(), added.toText()));
                k++;
            } else {
                changes.add(c);
            }
        }
        return List.copyOf(changes);
    }
}
