package org.igf.bpf.core.forum;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Submits several comments to one forum's consultation at once (comments that arrived together are
 * committed together). Each is decided on its own exactly as a {@link SubmitComment} would be, in
 * order, and the command answers a {@link CommentDecision} per comment: a refused comment does not
 * stop the others.
 */
public record SubmitComments(@TargetAggregateIdentifier ForumId forumId, List<Entry> comments) {

    public SubmitComments {
        comments = List.copyOf(comments);
        for (Entry entry : comments) {
            if (!entry.comment().forumId().equals(forumId)) {
                throw new IllegalArgumentException("Comment " + entry.comment().commentId() + " is for forum "
                        + entry.comment().forumId() + ", not " + forumId + ".");
            }
        }
    }

    /** One comment, and the metadata its event carries (who submitted it, the request it came with). */
    public record Entry(SubmitComment comment, Map<String, String> metaData) {

        public Entry {
            metaData = Map.copyOf(metaData);
        }
    }
}
