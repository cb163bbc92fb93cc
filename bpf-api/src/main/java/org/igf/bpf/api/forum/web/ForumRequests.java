package org.igf.bpf.api.forum.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.time.Instant;
import java.util.List;

/** The bodies the forum endpoints accept, with their limits. */
final class ForumRequests {

    private ForumRequests() {
    }

    record CreateForumRequest(
            @NotNull @Min(2006) @Max(2100) Integer cycle,
            @NotBlank @Size(max = 200) String topic,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> coordinators) {

        List<String> coordinatorsOrNone() {
            return coordinators == null ? List.of() : coordinators.stream().map(String::strip).distinct().toList();
        }
    }

    record RegisterExpertRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull StakeholderGroup stakeholderGroup,
            @Size(max = 200) String organisation) {
    }

    record AddDraftRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 200_000) String text) {
    }

    record SubmitCommentRequest(
            @NotBlank @Size(max = 200) String author,
            @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 10_000) String text,
            @Min(1) @Max(10_000) Integer paragraph) {
    }

    /**
     * {@code from} is the stage the caller believes the forum is in. Leaving DRAFTING takes the
     * consultation deadline; leaving PRESENTATION takes when and in which session it was presented.
     */
    record AdvanceRequest(
            @NotNull Stage from,
            Instant consultationClosesAt,
            Instant presentedAt,
            @Size(max = 300) String session) {
    }
}
