package org.igf.bpf.api.forum;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** The methodology's actions over HTTP: each one recorded, each refusal problem+json that records nothing. */
@ApiTest
class ForumMethodologyApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    Forums forums;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
    }

    // --- people --------------------------------------------------------------------------------

    @Test
    void showsAnOpenCallUntilTheSecretariatAppointsACoordinatorWhoCanLaterStepDown() {
        String id = forums.aNewForum("Abuse against women online", List.of());
        assertThat(api.get("/api/forums/" + id, null).json().get("openCallForCoordinators").asBoolean()).isTrue();

        Map<String, Object> isoc = Map.of("name", "ISOC", "kind", "ORGANISATION", "role", "MAG_COORDINATOR");
        refused(id, 403, () -> api.post("/api/forums/" + id + "/coordinators", Api.COORDINATOR, json("name", "X", "kind", "PERSON",
                "role", "LEAD_EXPERT", "account", "coordinator")));
        Api.Response appointed = api.post("/api/forums/" + id + "/coordinators", Api.SECRETARIAT, new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(isoc).toString());
        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
        assertThat(appointed.json().get("openCallForCoordinators").asBoolean()).isFalse();
        assertThat(appointed.json().at("/coordinatorDetails/0/kind").asText()).isEqualTo("ORGANISATION");
        assertThat(appointed.json().get("coordinators")).isEmpty();

        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/coordinators", Api.SECRETARIAT, json("name", "ISOC",
                "kind", "ORGANISATION", "role", "MAG_COORDINATOR"))).get("code").asText()).isEqualTo("coordinator.already-appointed");
        refused(id, 400, () -> api.post("/api/forums/" + id + "/coordinators", Api.SECRETARIAT, json("name", "ISOC", "kind", "CLUB",
                "role", "MAG_COORDINATOR")));

        JsonNode steppedDown = ok(api.post("/api/forums/" + id + "/coordinators/step-down", Api.SECRETARIAT,
                json("name", "ISOC", "reason", "Hands over to a MAG member")));
        assertThat(steppedDown.get("openCallForCoordinators").asBoolean()).isTrue();
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/coordinators/step-down", Api.SECRETARIAT,
                json("name", "ISOC"))).get("code").asText()).isEqualTo("coordinator.unknown");
    }

    @Test
    void recordsAVolunteerForTheOpenCallUntilTheyAreAppointed() {
        String id = forums.aNewForum("IPv6", List.of());

        Api.Response volunteered = api.post("/api/forums/" + id + "/coordinators/volunteers", Api.COORDINATOR,
                json("name", "Demo Coordinator", "account", "someone-else"));

        assertThat(volunteered.status()).as(volunteered.toString()).isEqualTo(201);
        assertThat(volunteered.json().at("/volunteers/0/account").asText()).as("one volunteers with one's own account")
                .isEqualTo("coordinator");
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/coordinators/volunteers", Api.COORDINATOR,
                json("name", "Demo Coordinator"))).get("code").asText()).isEqualTo("coordinator.already-volunteered");
        refused(id, 401, () -> api.post("/api/forums/" + id + "/coordinators/volunteers", Api.ANONYMOUS, json("name", "X")));

        JsonNode appointed = api.post("/api/forums/" + id + "/coordinators", Api.SECRETARIAT, json("name", "Demo Coordinator",
                "kind", "PERSON", "role", "MAG_COORDINATOR", "account", "coordinator")).json();

        assertThat(appointed.get("volunteers")).isEmpty();
        assertThat(appointed.get("openCallForCoordinators").asBoolean()).isFalse();
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/coordinators/volunteers", Api.SECRETARIAT,
                json("name", "Late Volunteer"))).get("code").asText()).isEqualTo("coordinator.no-open-call");
    }

    @Test
    void aForumWithoutCoordinatorCannotStartItsDiscussion() {
        String id = forums.aNewForum("IPv6", List.of());
        forums.registerBalancedExpertsAs(id, Api.SECRETARIAT);

        JsonNode problem = refused(id, 422, () -> api.post("/api/forums/" + id + "/advance", Api.SECRETARIAT,
                json("from", "EXPERT_RECRUITMENT")));

        assertThat(problem.get("code").asText()).isEqualTo("recruitment.needs-coordinator");
    }

    @Test
    void showsTheBalanceAfterAnExpertLeaves() {
        String id = forums.aNewForum();
        forums.registerBalancedExperts(id);

        JsonNode forum = ok(api.post("/api/forums/" + id + "/experts/leave", Api.COORDINATOR, json("name", "Ben", "reason", "New job")));

        assertThat(forum.get("experts")).hasSize(2);
        assertThat(forum.at("/stakeholderBalance/CIVIL_SOCIETY").isMissingNode()).isTrue();
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/experts/leave", Api.COORDINATOR, json("name", "Ben")))
                .get("code").asText()).isEqualTo("expert.unknown");
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "EXPERT_RECRUITMENT")))
                .get("code").asText()).isEqualTo("recruitment.too-few-experts");
    }

    // --- discussion ------------------------------------------------------------------------------

    @Test
    void recordsTheMailingListAndMeetingsFromTheDiscussionOn() {
        String id = forums.aNewForum();
        refused(id, 400, () -> api.post("/api/forums/" + id + "/mailing-list", Api.COORDINATOR, json("address", "not an address")));
        ok(api.post("/api/forums/" + id + "/mailing-list", Api.COORDINATOR, json("address", "bpf-ipv6@intgovforum.org")));
        Map<String, Object> meeting = Map.of("heldOn", "2015-04-14", "attendeeCount", 17, "summary", "Scope agreed");
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/meetings", Api.COORDINATOR, body(meeting)))
                .get("code").asText()).isEqualTo("meeting.before-discussion");
        refused(id, 400, () -> api.post("/api/forums/" + id + "/meetings", Api.COORDINATOR, json("heldOn", "2015-04-14",
                "attendeeCount", 0)));

        forums.registerBalancedExperts(id);
        forums.advance(id, "EXPERT_RECRUITMENT");
        Api.Response recorded = api.post("/api/forums/" + id + "/meetings", Api.COORDINATOR, body(meeting));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().at("/meetings/0/attendeeCount").asInt()).isEqualTo(17);
        assertThat(recorded.json().at("/mailingList/address").asText()).isEqualTo("bpf-ipv6@intgovforum.org");
    }

    // --- continuity --------------------------------------------------------------------------------

    @Test
    void continuesLastCyclesForumWithItsExpertsAndMailingList() {
        String lastYear = forums.aNewForum(2014, "Spam", List.of("coordinator"));
        forums.registerBalancedExperts(lastYear);
        ok(api.post("/api/forums/" + lastYear + "/mailing-list", Api.COORDINATOR, json("address", "bpf-spam@intgovforum.org")));

        Api.Response created = api.post("/api/forums", Api.SECRETARIAT, json("cycle", 2015, "topic", "Spam",
                "coordinatorDetails", List.of(Map.of("name", "Markus Kummer", "kind", "PERSON", "role", "MAG_COORDINATOR",
                        "account", "coordinator")), "continuesFrom", lastYear));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode forum = created.json();
        String id = forum.get("id").asText();
        assertThat(forum.at("/continuesFrom/id").asText()).isEqualTo(lastYear);
        assertThat(forum.at("/continuesFrom/cycle").asInt()).isEqualTo(2014);
        assertThat(forum.get("experts")).hasSize(3);
        assertThat(forum.at("/mailingList/address").asText()).isEqualTo("bpf-spam@intgovforum.org");
        assertThat(forum.at("/mailingList/reactivatedFrom").asText()).isEqualTo(lastYear);
        assertThat(forum.get("coordinators").get(0).asText()).isEqualTo("coordinator");
        assertThat(api.get("/api/forums/" + lastYear, null).json().at("/continuedIn/id").asText()).isEqualTo(id);
        assertThat(types(id)).containsExactly("ForumCreated", "CoordinatorAppointed", "ForumContinuedFrom", "ExpertsCarriedOver",
                "MailingListReactivated");

        long forumRows = jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry", Long.class);
        JsonNode problem = refused(lastYear, 422, () -> api.post("/api/forums", Api.SECRETARIAT, json("cycle", 2015, "topic", "Spam again",
                "continuesFrom", lastYear)));
        assertThat(problem.get("code").asText()).isEqualTo("continuation.already-continued");
        assertThat(jdbc.queryForObject("select count(distinct aggregate_identifier) from domain_event_entry", Long.class))
                .isEqualTo(forumRows);
        assertThat(refused(lastYear, 404, () -> api.post("/api/forums", Api.SECRETARIAT, json("cycle", 2015, "topic", "Spam",
                "continuesFrom", "no-such-forum"))).get("code").asText()).isEqualTo("forum.not-found");
    }

    // --- drafts --------------------------------------------------------------------------------

    @Test
    void diffsTwoDraftVersionsParagraphByParagraph() {
        String id = forums.aForumInDrafting();
        Api.Response first = api.post("/api/forums/" + id + "/drafts", Api.COORDINATOR, json("title", "Draft", "text",
                "One.\n\nTwo.\n\nThree.", "author", "Wout", "secretariatSupported", true));
        assertThat(first.json().get("author").asText()).isEqualTo("Wout");
        assertThat(first.json().get("secretariatSupported").asBoolean()).isTrue();
        forums.draft(id, "One.\n\nTwo, better.\n\nThree.\n\nFour.");

        JsonNode diff = api.get("/api/forums/" + id + "/drafts/1/diff/2", null).json();

        List<String> kinds = new ArrayList<>();
        diff.get("changes").forEach(change -> kinds.add(change.get("kind").asText()));
        assertThat(kinds).containsExactly("UNCHANGED", "CHANGED", "UNCHANGED", "ADDED");
        assertThat(diff.at("/changes/1/fromText").asText()).isEqualTo("Two.");
        assertThat(diff.at("/changes/1/toText").asText()).isEqualTo("Two, better.");
        assertThat(api.get("/api/forums/" + id + "/drafts/1/diff/9", null).status()).isEqualTo(404);
    }

    @Test
    void opensTheConsultationOnANamedVersionOnly() {
        String id = forums.aForumInDrafting();
        forums.draft(id, "One.");
        forums.draft(id, "One.\n\nTwo.");
        String closes = Instant.now().plusSeconds(3600).toString();

        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "DRAFTING",
                "consultationClosesAt", closes, "draftVersion", 5))).get("code").asText()).isEqualTo("draft.unknown-version");
        JsonNode forum = forums.advance(id, "DRAFTING", "consultationClosesAt", closes, "draftVersion", 1);

        assertThat(forum.at("/consultation/draftVersion").asInt()).isEqualTo(1);
    }

    // --- consultation: extension and moderation ----------------------------------------------------

    @Test
    void extendsTheConsultationBeforeItsDeadlineAndRefusesAnEarlierOne() {
        Instant closes = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        String id = forums.aForumInConsultation(closes);
        Instant later = closes.plus(Duration.ofDays(14));

        JsonNode forum = ok(api.post("/api/forums/" + id + "/consultation/extend", Api.COORDINATOR,
                json("closesAt", later.toString(), "reason", "Requests from the community")));

        assertThat(forum.at("/consultation/closesAt").asText()).isEqualTo(later.toString());
        assertThat(forum.at("/consultation/extensions/0/previousClosesAt").asText()).isEqualTo(closes.toString());
        assertThat(jdbc.queryForObject("select duedate_ from act_ru_job j join act_ru_execution e on j.process_instance_id_ = e.id_ "
                + "where e.business_key_ = ?", java.sql.Timestamp.class, id).toInstant()).isEqualTo(later);
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/consultation/extend", Api.COORDINATOR,
                json("closesAt", closes.toString(), "reason", "Shorter"))).get("code").asText()).isEqualTo("consultation.extension-not-later");
        refused(id, 400, () -> api.post("/api/forums/" + id + "/consultation/extend", Api.COORDINATOR, json("closesAt", later.plusSeconds(60).toString())));
        refused(id, 401, () -> api.post("/api/forums/" + id + "/consultation/extend", Api.ANONYMOUS,
                json("closesAt", later.plusSeconds(60).toString(), "reason", "x")));
    }

    @Test
    void holdsCommentsUnderPreModerationAndHidesWhatAModeratorHides() {
        String id = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
        String open = forums.comment(id, "Jane Doe", 1);
        ok(api.post("/api/forums/" + id + "/moderation", Api.COORDINATOR, json("preModeration", true)));
        String held = forums.comment(id, "John Roe", 2);

        assertThat(ids(api.get("/api/forums/" + id + "/comments", Api.ANONYMOUS).json())).containsExactly(open);
        assertThat(ids(api.get("/api/forums/" + id + "/comments", Api.COORDINATOR).json())).containsExactly(open, held);
        assertThat(ok(api.post("/api/forums/" + id + "/comments/" + held + "/approve", Api.COORDINATOR, "")).get("status").asText())
                .isEqualTo("PUBLISHED");
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/comments/" + held + "/approve", Api.COORDINATOR, ""))
                .get("code").asText()).isEqualTo("comment.not-held");

        JsonNode hidden = ok(api.post("/api/forums/" + id + "/comments/" + open + "/hide", Api.COORDINATOR, json("reason", "Abusive")));

        assertThat(hidden.get("status").asText()).isEqualTo("HIDDEN");
        assertThat(ids(api.get("/api/forums/" + id, null).json().get("comments"))).containsExactly(held);
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/comments/" + open + "/hide", Api.COORDINATOR,
                json("reason", "Again"))).get("code").asText()).isEqualTo("comment.already-hidden");
        refused(id, 400, () -> api.post("/api/forums/" + id + "/comments/" + held + "/hide", Api.COORDINATOR, json("reason", "")));
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/comments/nope/hide", Api.COORDINATOR, json("reason", "x")))
                .get("code").asText()).isEqualTo("comment.unknown");
        assertThat(types(id)).contains("PreModerationSwitched", "CommentApproved", "CommentHidden");
    }

    // --- revision, second round, publication -----------------------------------------------------

    @Test
    void givesEveryCommentADispositionRunsASecondRoundAndPublishes() throws Exception {
        String id = forums.aForumInConsultation(Instant.now().plusSeconds(4));
        String first = forums.comment(id, "Jane Doe", 1);
        String second = forums.comment(id, "John Roe", null);
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/comments/" + first + "/disposition", Api.COORDINATOR,
                json("disposition", "ACCEPTED", "note", "Done"))).get("code").asText()).isEqualTo("revision.not-in-revision");
        forums.awaitStage(id, "REVISION", Duration.ofSeconds(12));
        forums.draft(id, "One, revised.\n\nTwo.\n\nThree.");

        ok(api.post("/api/forums/" + id + "/comments/" + first + "/disposition", Api.COORDINATOR,
                json("disposition", "PARTIALLY_ACCEPTED", "note", "Half of it")));
        refused(id, 400, () -> api.post("/api/forums/" + id + "/comments/" + second + "/disposition", Api.COORDINATOR,
                json("disposition", "MAYBE", "note", "?")));
        String secondRound = Instant.now().plusSeconds(4).toString();
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "REVISION",
                "secondRound", true, "consultationClosesAt", secondRound))).get("code").asText())
                .isEqualTo("revision.comments-without-disposition");
        assertThat(forums.stageOf(id)).isEqualTo("REVISION");
        ok(api.post("/api/forums/" + id + "/comments/" + second + "/disposition", Api.COORDINATOR,
                json("disposition", "OUT_OF_SCOPE", "note", "About another forum")));

        JsonNode round2 = forums.advance(id, "REVISION", "secondRound", true, "consultationClosesAt", secondRound);

        assertThat(round2.get("stage").asText()).isEqualTo("PUBLIC_CONSULTATION");
        assertThat(round2.at("/consultation/round").asInt()).isEqualTo(2);
        assertThat(round2.at("/consultation/draftVersion").asInt()).isEqualTo(2);
        forums.awaitStage(id, "REVISION", Duration.ofSeconds(12));
        forums.draft(id, "One, final.\n\nTwo.\n\nThree.");
        forums.advance(id, "REVISION");
        ok(api.post("/api/forums/" + id + "/session", Api.COORDINATOR, json("title", "BPF IPv6", "startsAt", "2015-11-12T10:00:00Z",
                "roomOrLink", "Room 5")));
        assertThat(refused(id, 422, () -> api.post("/api/forums/" + id + "/advance", Api.COORDINATOR, json("from", "PRESENTATION",
                "presentedAt", "2015-11-12T10:00:00Z", "publishedVersion", 1))).get("code").asText()).isEqualTo("outcome.older-than-revision");

        JsonNode concluded = forums.advance(id, "PRESENTATION", "presentedAt", "2015-11-12T10:00:00Z", "publishedVersion", 3,
                "publishedAt", "2015-12-01T00:00:00Z");

        assertThat(concluded.get("stage").asText()).isEqualTo("CONCLUDED");
        assertThat(concluded.at("/presentation/session").asText()).isEqualTo("BPF IPv6");
        assertThat(concluded.at("/outcome/version").asInt()).isEqualTo(3);
        assertThat(concluded.at("/comments/1/disposition").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(types(id)).containsSubsequence("CommentDisposed", "CommentDisposed", "SecondConsultationRoundOpened",
                "PublicConsultationClosed", "RevisionCompleted", "AnnualMeetingSessionScheduled", "OutcomePresented", "OutcomePublished");
    }

    // --- helpers --------------------------------------------------------------------------------

    private JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A refusal: the status, problem+json, and no event recorded for the forum. */
    private JsonNode refused(String forumId, int status, Supplier<Api.Response> call) {
        List<String> before = types(forumId);
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asText()).isNotBlank();
        assertThat(types(forumId)).as("events recorded by a refused request").isEqualTo(before);
        return problem;
    }

    private List<String> types(String forumId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, forumId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private static List<String> ids(JsonNode comments) {
        List<String> ids = new ArrayList<>();
        comments.forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static String body(Map<String, Object> fields) {
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(fields).toString();
    }
}
