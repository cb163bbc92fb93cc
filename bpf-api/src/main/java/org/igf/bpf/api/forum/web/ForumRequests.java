package org.igf.bpf.api.forum.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.igf.bpf.core.forum.Coordinator;
import org.igf.bpf.core.forum.Disposition;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.core.forum.StakeholderGroup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The bodies the forum endpoints accept, with their limits. */
final class ForumRequests {

    private ForumRequests() {
    }

    /**
     * {@code coordinators}: account user names (the simple form). {@code coordinatorDetails}: coordinators
     * described in full, people or organisations, with or without an account. {@code continuesFrom}: the
     * id of last cycle's forum this one continues (its experts and mailing list carry over).
     */
    record CreateForumRequest(
            @NotNull @Min(2006) @Max(2100) Integer cycle,
            @NotBlank @Size(max = 200) String topic,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> coordinators,
            @Size(max = 20) List<@Valid @NotNull CoordinatorRequest> coordinatorDetails,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+") String continuesFrom) {

        List<String> coordinatorsOrNone() {
            return coordinators == null ? List.of() : coordinators.stream().map(String::strip).distinct().toList();
        }

        List<Coordinator> coordinatorDetailsOrNone() {
            return coordinatorDetails == null ? List.of() : coordinatorDetails.stream().map(CoordinatorRequest::toCoordinator).toList();
        }
    }

    record CoordinatorRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Coordinator.Kind kind,
            @NotNull Coordinator.Role role,
            @Size(max = 100) String account) {

        Coordinator toCoordinator() {
            return new Coordinator(name, kind, role, account);
        }
    }

    /** {@code account}: only the secretariat may name one; a signed-in member volunteers with their own. */
    record VolunteerRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String account) {
    }

    record StepDownRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String reason) {
    }

    record RegisterExpertRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull StakeholderGroup stakeholderGroup,
            @Size(max = 200) String organisation) {
    }

    record ExpertLeavesRequest(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 1000) String reason) {
    }

    record MailingListRequest(
            @NotBlank @Email @Size(max = 254) String address) {
    }

    record MeetingRequest(
            @NotNull LocalDate heldOn,
            @NotNull @Min(1) @Max(100_000) Integer attendeeCount,
            @Size(max = 5_000) String summary,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") String notesLink) {
    }

    /** {@code author}: who wrote this version (absent: the signed-in user). */
    record AddDraftRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 200_000) String text,
            @Size(max = 200) String author,
            Boolean secretariatSupported) {
    }

    record SubmitCommentRequest(
            @NotBlank @Size(max = 200) String author,
            @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 10_000) String text,
            @Min(1) @Max(10_000) Integer paragraph,
            StakeholderGroup stakeholderGroup,
            @Size(max = 200) String organisation) {
    }

    record ExtendConsultationRequest(
            @NotNull Instant closesAt,
            @NotBlank @Size(max = 1_000) String reason) {
    }

    record ModerationRequest(
            @NotNull Boolean preModeration) {
    }

    record HideCommentRequest(
            @NotBlank @Size(max = 1_000) String reason) {
    }

    record DispositionRequest(
            @NotNull Disposition disposition,
            @NotBlank @Size(max = 5_000) String note) {
    }

    record SessionRequest(
            @NotBlank @Size(max = 300) String title,
            @NotNull Instant startsAt,
            @Size(max = 300) String roomOrLink) {
    }

    /**
     * {@code from} is the stage the caller believes the forum is in. Leaving DRAFTING takes the
     * consultation deadline and optionally the draft version to consult; leaving REVISION with
     * {@code secondRound} true takes the new deadline and sends the revised version back to
     * consultation; leaving PRESENTATION takes when and in which session it was presented
     * (absent: the scheduled session), and optionally the published version and date.
     */
    record AdvanceRequest(
            @NotNull Stage from,
            Instant consultationClosesAt,
            Instant presentedAt,
            @Size(max = 300) String session,
            @Min(1) @Max(100_000) Integer draftVersion,
            Boolean secondRound,
            @Min(1) @Max(100_000) Integer publishedVersion,
            Instant publishedAt) {
    }
}
