package org.igf.bpf.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** The secretariat questions the audit trail across forums: filters, a cursor that survives new events, exports. */
@ApiTest
class AuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;

    Api api;
    Forums forums;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
    }

    @Test
    void filtersByForumCycleActorTypeAndTime() {
        int cycle = 2040 + (int) (System.nanoTime() % 50);
        String a = forumOfCycle(cycle, "Spam", List.of("coordinator"));
        String b = forumOfCycle(cycle, "Cybersecurity", List.of());
        forums.registerBalancedExperts(a);

        JsonNode ofA = events("forum=" + a);
        assertThat(types(ofA)).containsExactly("ForumCreated", "ExpertRegistered", "ExpertRegistered", "ExpertRegistered");
        assertThat(field(ofA, "sequence")).containsExactly("0", "1", "2", "3");
        assertThat(ofA.get(0).at("/actor/name").asText()).isEqualTo("secretariat");
        assertThat(ofA.get(0).at("/actor/role").asText()).isEqualTo("SECRETARIAT");
        assertThat(ofA.get(0).at("/payload/topic").asText()).isEqualTo("Spam");
        assertThat(ofA.get(1).at("/actor/name").asText()).isEqualTo("coordinator");
        assertThat(ofA.get(1).get("requestId").asText()).isNotBlank();
        assertThat(ofA.get(1).get("hash").asText()).hasSize(64);
        assertThat(ofA.get(1).get("globalIndex").asLong()).isGreaterThan(ofA.get(0).get("globalIndex").asLong());

        assertThat(forumIds(events("cycle=" + cycle))).containsOnly(a, b).contains(a, b);
        assertThat(types(events("forum=" + a + "&actor=coordinator"))).containsExactly("ExpertRegistered", "ExpertRegistered",
                "ExpertRegistered");
        assertThat(forumIds(events("type=ForumCreated&cycle=" + cycle))).containsExactly(a, b);
        assertThat(types(events("forum=" + a + "&forum=" + b + "&type=org.igf.bpf.core.forum.ForumCreated")))
                .containsExactly("ForumCreated", "ForumCreated");

        String second = ofA.get(1).get("recordedAt").asText();
        String third = ofA.get(2).get("recordedAt").asText();
        JsonNode between = events("forum=" + a + "&from=" + encode(second) + "&to=" + encode(third));
        assertThat(between).hasSize(1);
        assertThat(between.get(0).get("sequence").asInt()).isEqualTo(1);
    }

    @Test
    void aCursorPagesThroughEveryEventOnceAndThenPicksUpNewOnes() {
        String id = forums.aNewForum();
        forums.registerBalancedExperts(id);
        List<String> all = globalIndexes(events("forum=" + id));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            JsonNode answer = page("forum=" + id + "&limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            cursor = answer.get("next").asText();
            if (answer.get("events").isEmpty()) {
                break;
            }
            assertThat(answer.get("events")).hasSize(1);
            paged.addAll(globalIndexes(answer.get("events")));
        }
        assertThat(paged).isEqualTo(all).hasSize(4);

        forums.expert(id, "Dana", "ACADEMIA");
        JsonNode next = page("forum=" + id + "&cursor=" + cursor);
        assertThat(types(next.get("events"))).containsExactly("ExpertRegistered");
        assertThat(next.at("/events/0/payload/name").asText()).isEqualTo("Dana");
        assertThat(page("forum=" + id + "&cursor=" + next.get("next").asText()).get("events")).isEmpty();
    }

    @Test
    void anEventCommittedLateBehindNewerOnesIsStillHandedOut() throws Exception {
        String late = forums.aNewForum();
        forums.registerBalancedExperts(late);
        String other = forums.aNewForum();
        String filter = "forum=" + late + "&forum=" + other;
        String cursor = page(filter + "&limit=1000").get("next").asText();

        try (Connection slow = dataSource.getConnection()) {
            // a transaction that takes its global index now and commits only after a newer event is visible
            slow.setAutoCommit(false);
            long lateIndex;
            try (PreparedStatement insert = slow.prepareStatement("""
                    insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                    payload, payload_type, payload_revision, time_stamp)
                    select aggregate_identifier, 4, type, ?, meta_data, payload, payload_type, payload_revision, ?
                      from domain_event_entry where aggregate_identifier = ? and sequence_number = 1
                    returning global_index
                    """)) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, Instant.now().toString());
                insert.setString(3, late);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    lateIndex = rs.getLong(1);
                }
            }
            forums.expert(other, "Eve", "GOVERNMENT");
            JsonNode before = page(filter + "&cursor=" + cursor);
            assertThat(forumIds(before.get("events"))).containsExactly(other);
            assertThat(before.at("/events/0/globalIndex").asLong()).isGreaterThan(lateIndex);

            slow.commit();
            JsonNode after = page(filter + "&cursor=" + before.get("next").asText());
            assertThat(forumIds(after.get("events"))).containsExactly(late);
            assertThat(after.at("/events/0/globalIndex").asLong()).isEqualTo(lateIndex);
            assertThat(after.at("/events/0/sequence").asInt()).isEqualTo(4);
            assertThat(page(filter + "&cursor=" + after.get("next").asText()).get("events")).isEmpty();
        }
    }

    @Test
    void exportsCsvThatASpreadsheetOpensCleanly() throws Exception {
        String id = forums.aNewForum();
        Api.Response expert = api.send(api.request("/api/forums/" + id + "/experts", Api.COORDINATOR)
                .header("Content-Type", "application/json").header("X-Request-Id", "-1-1")
                .POST(HttpRequest.BodyPublishers.ofString(json("name", "Zoë \"Z\" Müller, Jr.", "stakeholderGroup", "ACADEMIA",
                        "organisation", "=HYPERLINK(\"http://evil\")"))));
        assertThat(expert.status()).isEqualTo(201);

        Api.Response csv = api.get("/api/audit/export?format=csv&forum=" + id, Api.SECRETARIAT);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").contains("charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("audit-events.csv");
        assertThat(csv.body()).startsWith("\uFEFFglobal_index,forum_id,sequence,type,recorded_at,occurred_at,actor,actor_role,"
                + "request_id,process_instance_id,activity_id,payload,hash\r\n");
        List<List<String>> rows = parseCsv(csv.body().substring(1));
        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).hasSize(13));
        assertThat(rows.get(0).get(3)).isEqualTo("ForumCreated");
        List<String> registered = rows.get(1);
        assertThat(registered.get(1)).isEqualTo(id);
        assertThat(registered.get(3)).isEqualTo("ExpertRegistered");
        assertThat(registered.get(6)).isEqualTo("coordinator");
        assertThat(registered.get(8)).as("a cell a spreadsheet would run as a formula").isEqualTo("'-1-1");
        JsonNode payload = JSON.readTree(registered.get(11));
        assertThat(payload.get("name").asText()).isEqualTo("Zoë \"Z\" Müller, Jr.");
        assertThat(payload.get("organisation").asText()).isEqualTo("=HYPERLINK(\"http://evil\")");
        assertThat(registered.get(12)).isEqualTo(events("forum=" + id).get(1).get("hash").asText());
    }

    @Test
    void exportsJsonWithTheSameEventsAsThePages() {
        String id = forums.aNewForum();
        forums.registerBalancedExperts(id);

        Api.Response exported = api.get("/api/audit/export?format=json&forum=" + id + "&type=ExpertRegistered", Api.SECRETARIAT);

        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.header("Content-Type")).startsWith("application/json");
        assertThat(exported.json()).isEqualTo(events("forum=" + id + "&type=ExpertRegistered"));
        assertThat(exported.json()).hasSize(3);
    }

    @Test
    void keepsTheAuditForTheSecretariatAndAHistoryForItsForumsCoordinators() {
        String mine = forums.aNewForum();
        String notMine = forums.aNewForum("Gender", List.of("someone-else"));

        for (String path : List.of("/api/audit/events", "/api/audit/export?format=csv", "/api/audit/verify", "/api/audit/heads")) {
            assertThat(refused(401, () -> api.get(path, Api.ANONYMOUS)).get("code").asText()).isEqualTo("auth.unauthenticated");
            assertThat(refused(403, () -> api.get(path, Api.COORDINATOR)).get("code").asText()).isEqualTo("auth.forbidden");
        }
        assertThat(api.get("/api/forums/" + mine + "/history", Api.COORDINATOR).status()).isEqualTo(200);
        assertThat(api.get("/api/forums/" + mine + "/history", Api.SECRETARIAT).status()).isEqualTo(200);
        assertThat(refused(403, () -> api.get("/api/forums/" + notMine + "/history", Api.COORDINATOR)).get("code").asText())
                .isEqualTo("auth.forbidden");
        refused(403, () -> api.get("/api/forums/no-such-forum/history", Api.COORDINATOR));
        refused(401, () -> api.get("/api/forums/" + mine + "/history", Api.ANONYMOUS));
    }

    @Test
    void answersBadParametersWith400NamingThem() {
        String id = forums.aNewForum();
        assertThat(badParameter("/api/audit/events?cursor=not-a-cursor")).isEqualTo("cursor");
        assertThat(badParameter("/api/audit/events?cursor=MTI6MTM")).as("a pending index above 'after'").isEqualTo("cursor");
        assertThat(badParameter("/api/audit/events?from=yesterday")).isEqualTo("from");
        assertThat(badParameter("/api/audit/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")).isEqualTo("to");
        assertThat(badParameter("/api/audit/events?cycle=twenty")).isEqualTo("cycle");
        assertThat(badParameter("/api/audit/events?limit=0")).isEqualTo("limit");
        assertThat(badParameter("/api/audit/events?limit=lots")).isEqualTo("limit");
        assertThat(badParameter("/api/audit/events?actor=a" + "&actor=a".repeat(100))).isEqualTo("actor");
        assertThat(badParameter("/api/audit/export?format=xlsx")).isEqualTo("format");
        assertThat(badParameter("/api/audit/export?format=csv&to=noon")).isEqualTo("to");
        assertThat(badParameter("/api/audit/verify?forum=")).isEqualTo("forum");
        assertThat(badParameter("/api/forums/" + id + "?asOf=last-week")).isEqualTo("asOf");
        assertThat(badParameter("/api/forums/" + id + "?asOf=")).isEqualTo("asOf");
    }

    private String forumOfCycle(int cycle, String topic, List<String> coordinators) {
        Api.Response created = api.post("/api/forums", Api.SECRETARIAT, json("cycle", cycle, "topic", topic, "coordinators", coordinators));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode events(String query) {
        return page(query + "&limit=1000").get("events");
    }

    private JsonNode page(String query) {
        Api.Response response = api.get("/api/audit/events?" + query, Api.SECRETARIAT);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private String badParameter(String path) {
        JsonNode problem = refused(400, () -> api.get(path, Api.SECRETARIAT));
        assertThat(problem.get("code").asText()).isEqualTo("request.invalid-parameter");
        return problem.get("field").asText();
    }

    private static JsonNode refused(int status, Supplier<Api.Response> call) {
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isNotBlank();
        return response.json();
    }

    private static List<String> types(JsonNode events) {
        return field(events, "type");
    }

    private static List<String> forumIds(JsonNode events) {
        return field(events, "forumId");
    }

    private static List<String> globalIndexes(JsonNode events) {
        return field(events, "globalIndex");
    }

    private static List<String> field(JsonNode events, String name) {
        List<String> values = new ArrayList<>();
        events.forEach(event -> values.add(event.get(name).asText()));
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** RFC 4180: rows end with CRLF; a quoted field may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the file ends with CRLF").isEmpty();
        return rows.subList(1, rows.size());
    }
}
