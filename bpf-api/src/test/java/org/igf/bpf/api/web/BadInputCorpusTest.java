package org.igf.bpf.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of bad requests across the endpoints: each must be answered with the expected 4xx as
 * problem+json (type, code, status, detail) and must leave the event store exactly as it was.
 */
@ApiTest
class BadInputCorpusTest {

    record Case(String category, String method, String path, String credentials, String contentType, String body,
                Map<String, String> headers, int status) {
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final List<Case> corpus = new ArrayList<>();

    @Test
    void everyBadRequestGetsAProblemAndChangesNothing() {
        Api api = new Api(port);
        Forums forums = new Forums(api);
        String recruiting = forums.aNewForum();
        String consulting = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
        build(recruiting, consulting);

        long eventsBefore = events();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> categories = new TreeMap<>();
        for (Case c : corpus) {
            categories.merge(c.category(), 1, Integer::sum);
            HttpRequest.Builder request = api.request(c.path(), c.credentials());
            if (c.contentType() != null) {
                request.header("Content-Type", c.contentType());
            }
            c.headers().forEach(request::header);
            request = c.body() == null ? request.method(c.method(), HttpRequest.BodyPublishers.noBody())
                    : request.method(c.method(), HttpRequest.BodyPublishers.ofString(c.body()));
            Api.Response response = api.send(request);
            String problem = problemShapeError(response);
            if (response.status() != c.status() || problem != null) {
                failures.add(c.category() + " " + c.method() + " " + c.path() + " " + abbreviate(c.body()) + ": expected "
                        + c.status() + ", got " + response.status() + (problem == null ? "" : " (" + problem + ")") + " " + abbreviate(response.body()));
            }
        }
        long eventsAfter = events();

        System.out.printf("Bad-input corpus: %d cases in %d categories %s%n", corpus.size(), categories.size(), categories);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        assertThat(failures).isEmpty();
        assertThat(eventsAfter).as("events recorded by bad requests").isEqualTo(eventsBefore);
    }

    private void build(String recruiting, String consulting) {
        String forums = "/api/forums";
        String experts = forums + "/" + recruiting + "/experts";
        String drafts = forums + "/" + recruiting + "/drafts";
        String advance = forums + "/" + recruiting + "/advance";
        String comments = forums + "/" + consulting + "/comments";
        String accounts = "/api/accounts";
        String sec = Api.SECRETARIAT;
        String coo = Api.COORDINATOR;

        // malformed JSON on every endpoint that takes a body
        for (String[] target : new String[][]{{forums, sec}, {experts, coo}, {drafts, coo}, {advance, coo}, {comments, coo}, {accounts, sec}}) {
            for (String body : List.of("{", "{\"a\":}", "not json", "[1,2", "{\"topic\":\"x\"}}", "\u0000")) {
                add("malformed JSON", "POST", target[0], target[1], body, 400);
            }
            add("missing body", "POST", target[0], target[1], null, 400);
            add("wrong JSON shape", "POST", target[0], target[1], "[]", 400);
            add("wrong JSON shape", "POST", target[0], target[1], "\"a string\"", 400);
        }
        // wrong types
        add("wrong type", "POST", forums, sec, "{\"cycle\":\"2015\",\"topic\":[]}", 400);
        add("wrong type", "POST", forums, sec, "{\"cycle\":{},\"topic\":\"T\"}", 400);
        add("wrong type", "POST", forums, sec, "{\"cycle\":2015,\"topic\":{}}", 400);
        add("wrong type", "POST", forums, sec, "{\"cycle\":2015,\"topic\":\"T\",\"coordinators\":\"coordinator\"}", 400);
        add("wrong type", "POST", forums, sec, "{\"cycle\":2015,\"topic\":\"T\",\"coordinators\":[{}]}", 400);
        add("wrong type", "POST", forums, sec, "{\"cycle\":true,\"topic\":\"T\"}", 400);
        add("wrong type", "POST", experts, coo, "{\"name\":[],\"stakeholderGroup\":\"ACADEMIA\"}", 400);
        add("wrong type", "POST", experts, coo, "{\"name\":\"A\",\"stakeholderGroup\":7}", 400);
        add("wrong type", "POST", drafts, coo, "{\"title\":{},\"text\":\"t\"}", 400);
        add("wrong type", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"t\",\"paragraph\":\"two\"}", 400);
        add("wrong type", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"t\",\"paragraph\":[1]}", 400);
        add("wrong type", "POST", advance, coo, "{\"from\":[\"DISCUSSION\"]}", 400);
        add("wrong type", "POST", accounts, sec, "{\"username\":\"abc\",\"password\":\"a long enough password\",\"roles\":\"EXPERT\"}", 400);
        // missing required fields
        add("missing field", "POST", forums, sec, "{\"topic\":\"T\"}", 400);
        add("missing field", "POST", forums, sec, "{\"cycle\":2015}", 400);
        add("missing field", "POST", forums, sec, "{}", 400);
        add("missing field", "POST", experts, coo, "{\"stakeholderGroup\":\"ACADEMIA\"}", 400);
        add("missing field", "POST", experts, coo, "{\"name\":\"A\"}", 400);
        add("missing field", "POST", drafts, coo, "{\"title\":\"T\"}", 400);
        add("missing field", "POST", drafts, coo, "{\"text\":\"T\"}", 400);
        add("missing field", "POST", comments, coo, "{\"text\":\"T\"}", 400);
        add("missing field", "POST", comments, coo, "{\"author\":\"A\"}", 400);
        add("missing field", "POST", advance, coo, "{}", 400);
        add("missing field", "POST", accounts, sec, "{\"username\":\"abc\",\"password\":\"a long enough password\"}", 400);
        // blank strings
        add("blank field", "POST", forums, sec, "{\"cycle\":2015,\"topic\":\"   \"}", 400);
        add("blank field", "POST", experts, coo, "{\"name\":\"\",\"stakeholderGroup\":\"ACADEMIA\"}", 400);
        add("blank field", "POST", drafts, coo, "{\"title\":\"T\",\"text\":\"\"}", 400);
        add("blank field", "POST", comments, coo, "{\"author\":\" \",\"text\":\"t\"}", 400);
        add("blank field", "POST", forums, sec, "{\"cycle\":2015,\"topic\":\"T\",\"coordinators\":[\"\"]}", 400);
        // too long strings and lists
        add("too long", "POST", forums, sec, "{\"cycle\":2015,\"topic\":\"" + "t".repeat(201) + "\"}", 400);
        add("too long", "POST", forums, sec, "{\"cycle\":2015,\"topic\":\"T\",\"coordinators\":" + manyNames(21) + "}", 400);
        add("too long", "POST", forums, sec, "{\"cycle\":2015,\"topic\":\"T\",\"coordinators\":[\"" + "c".repeat(101) + "\"]}", 400);
        add("too long", "POST", experts, coo, "{\"name\":\"" + "n".repeat(201) + "\",\"stakeholderGroup\":\"ACADEMIA\"}", 400);
        add("too long", "POST", experts, coo, "{\"name\":\"N\",\"stakeholderGroup\":\"ACADEMIA\",\"organisation\":\"" + "o".repeat(201) + "\"}", 400);
        add("too long", "POST", drafts, coo, "{\"title\":\"" + "t".repeat(301) + "\",\"text\":\"t\"}", 400);
        add("too long", "POST", drafts, coo, "{\"title\":\"T\",\"text\":\"" + "t".repeat(200_001) + "\"}", 400);
        add("too long", "POST", comments, coo, "{\"author\":\"" + "a".repeat(201) + "\",\"text\":\"t\"}", 400);
        add("too long", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"" + "t".repeat(10_001) + "\"}", 400);
        add("too long", "POST", advance, coo, "{\"from\":\"PRESENTATION\",\"session\":\"" + "s".repeat(301) + "\"}", 400);
        add("too long", "POST", accounts, sec, "{\"username\":\"" + "u".repeat(64) + "\",\"password\":\"a long enough password\",\"roles\":[\"EXPERT\"]}", 400);
        // unknown enum values
        add("unknown enum value", "POST", experts, coo, "{\"name\":\"A\",\"stakeholderGroup\":\"MARTIANS\"}", 400);
        add("unknown enum value", "POST", experts, coo, "{\"name\":\"A\",\"stakeholderGroup\":\"academia\"}", 400);
        add("unknown enum value", "POST", advance, coo, "{\"from\":\"LIMBO\"}", 400);
        add("unknown enum value", "POST", advance, coo, "{\"from\":\"\"}", 400);
        add("unknown enum value", "POST", accounts, sec, "{\"username\":\"abc\",\"password\":\"a long enough password\",\"roles\":[\"KING\"]}", 400);
        // invalid dates
        add("invalid date", "POST", advance, coo, "{\"from\":\"DRAFTING\",\"consultationClosesAt\":\"next week\"}", 400);
        add("invalid date", "POST", advance, coo, "{\"from\":\"DRAFTING\",\"consultationClosesAt\":\"2015-13-45T00:00:00Z\"}", 400);
        add("invalid date", "POST", advance, coo, "{\"from\":\"DRAFTING\",\"consultationClosesAt\":{}}", 400);
        add("invalid date", "POST", advance, coo, "{\"from\":\"PRESENTATION\",\"presentedAt\":\"yesterday\"}", 400);
        add("invalid date", "POST", advance, coo, "{\"from\":\"PRESENTATION\",\"presentedAt\":[2015]}", 400);
        // numbers out of range
        add("out of range", "POST", forums, sec, "{\"cycle\":2005,\"topic\":\"T\"}", 400);
        add("out of range", "POST", forums, sec, "{\"cycle\":2101,\"topic\":\"T\"}", 400);
        add("out of range", "POST", forums, sec, "{\"cycle\":-1,\"topic\":\"T\"}", 400);
        add("out of range", "POST", forums, sec, "{\"cycle\":99999999999,\"topic\":\"T\"}", 400);
        add("out of range", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"t\",\"paragraph\":0}", 400);
        add("out of range", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"t\",\"paragraph\":-3}", 400);
        add("out of range", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"t\",\"paragraph\":10001}", 400);
        add("out of range", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"t\",\"email\":\"not an email\"}", 400);
        // unknown ids
        add("unknown id", "GET", forums + "/no-such-forum", null, null, 404);
        add("unknown id", "GET", forums + "/no-such-forum/history", sec, null, 404);
        add("unknown id", "GET", forums + "/" + recruiting + "/drafts/1", null, null, 404);
        add("unknown id", "GET", forums + "/" + consulting + "/drafts/99", null, null, 404);
        add("unknown id", "POST", forums + "/no-such-forum/experts", coo, "{\"name\":\"A\",\"stakeholderGroup\":\"ACADEMIA\"}", 404);
        add("unknown id", "POST", forums + "/no-such-forum/drafts", coo, "{\"title\":\"T\",\"text\":\"t\"}", 404);
        add("unknown id", "POST", forums + "/no-such-forum/comments", coo, "{\"author\":\"A\",\"text\":\"t\"}", 404);
        add("unknown id", "POST", forums + "/no-such-forum/advance", coo, "{\"from\":\"DISCUSSION\"}", 404);
        add("unknown id", "GET", accounts + "/nobody-here", sec, null, 404);
        add("unknown id", "POST", accounts + "/nobody-here/disable", sec, null, 404);
        // invalid transitions and unmet gates
        add("invalid transition", "POST", advance, coo, "{\"from\":\"DISCUSSION\"}", 409);
        add("invalid transition", "POST", advance, coo, "{\"from\":\"CONCLUDED\"}", 409);
        add("invalid transition", "POST", advance, coo, "{\"from\":\"PUBLIC_CONSULTATION\"}", 409);
        add("invalid transition", "POST", advance, coo, "{\"from\":\"EXPERT_RECRUITMENT\"}", 422);
        add("invalid transition", "POST", forums + "/" + consulting + "/advance", coo, "{\"from\":\"PUBLIC_CONSULTATION\"}", 422);
        add("invalid transition", "POST", forums + "/" + consulting + "/advance", coo, "{\"from\":\"DRAFTING\"}", 409);
        add("invalid transition", "POST", forums + "/" + recruiting + "/comments", coo, "{\"author\":\"A\",\"text\":\"t\"}", 422);
        add("invalid transition", "POST", comments, coo, "{\"author\":\"A\",\"text\":\"t\",\"paragraph\":9}", 422);
        add("invalid transition", "POST", accounts, sec, "{\"username\":\"weak-one\",\"password\":\"short\",\"roles\":[\"EXPERT\"]}", 422);
        add("invalid transition", "POST", accounts, sec, "{\"username\":\"secretariat\",\"password\":\"a long enough password\",\"roles\":[\"EXPERT\"]}", 409);
        // oversized bodies
        String huge = "{\"title\":\"T\",\"text\":\"" + "x".repeat(1_100_000) + "\"}";
        add("oversized body", "POST", drafts, coo, huge, 413);
        add("oversized body", "POST", comments, coo, huge, 413);
        add("oversized body", "POST", forums, sec, huge, 413);
        add("oversized body", "POST", experts, coo, huge, 413);
        add("oversized body", "POST", advance, coo, huge, 413);
        // wrong media type
        for (String[] target : new String[][]{{forums, sec}, {experts, coo}, {drafts, coo}, {advance, coo}, {comments, coo}}) {
            corpus.add(new Case("wrong media type", "POST", target[0], target[1], "text/plain", "{}", Map.of(), 415));
        }
        // wrong method
        add("wrong method", "PUT", forums, sec, "{}", 405);
        add("wrong method", "DELETE", forums + "/" + recruiting, sec, null, 405);
        add("wrong method", "PATCH", forums + "/" + recruiting, sec, "{}", 405);
        add("wrong method", "GET", advance, coo, null, 405);
        add("wrong method", "DELETE", accounts + "/expert", sec, null, 405);
        // bad query parameters and headers
        add("bad parameter", "GET", forums + "?cycle=abc", null, null, 400);
        add("bad parameter", "GET", forums + "?cycle=20150000000", null, null, 400);
        add("bad parameter", "GET", forums + "/" + consulting + "/drafts/first", null, null, 400);
        corpus.add(new Case("bad header", "POST", comments, coo, "application/json", "{\"author\":\"A\",\"text\":\"t\"}",
                Map.of("Idempotency-Key", "has spaces"), 400));
        corpus.add(new Case("bad header", "POST", comments, coo, "application/json", "{\"author\":\"A\",\"text\":\"t\"}",
                Map.of("Idempotency-Key", "k".repeat(201)), 400));
    }

    private void add(String category, String method, String path, String credentials, String body, int status) {
        corpus.add(new Case(category, method, path, credentials, body == null ? null : "application/json", body, Map.of(), status));
    }

    private static String problemShapeError(Api.Response response) {
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type;
        }
        JsonNode problem = response.json();
        for (String field : List.of("type", "code", "title", "detail", "status")) {
            if (!problem.hasNonNull(field) || problem.get(field).asText().isBlank()) {
                return "no " + field;
            }
        }
        return problem.get("status").asInt() == response.status() ? null : "status field " + problem.get("status");
    }

    private static String manyNames(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("\"c" + i + "\"");
        }
        return "[" + String.join(",", names) + "]";
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
