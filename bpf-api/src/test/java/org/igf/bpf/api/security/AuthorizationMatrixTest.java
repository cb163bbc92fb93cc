package org.igf.bpf.api.security;

import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/**
 * Every API endpoint × every kind of caller × the expected answer. The endpoints are read from the
 * application's own route list, so a new endpoint without a rule here fails this test. Allowed
 * callers send an empty body and get past security (a 4xx of validation, or a 2xx for reads);
 * nothing is 500.
 */
@ApiTest
class AuthorizationMatrixTest {

    enum Caller { ANONYMOUS, EXPERT, COORDINATOR_OF_ANOTHER_FORUM, COORDINATOR_OF_THIS_FORUM, SECRETARIAT }

    enum Outcome { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

    /** Who may call what. Keys are "METHOD pattern" as the application declares them. */
    private static final Map<String, Map<Caller, Outcome>> RULES = new LinkedHashMap<>();

    static {
        rule("GET /api/forums", everyone());
        rule("GET /api/forums/{id}", everyone());
        rule("GET /api/forums/{id}/drafts/{version}", everyone());
        rule("POST /api/forums/{id}/comments", everyone());
        rule("GET /api/forums/{id}/history", coordinatorsOfTheForum());
        rule("GET /api/audit/events", secretariatOnly());
        rule("GET /api/audit/export", secretariatOnly());
        rule("GET /api/audit/verify", secretariatOnly());
        rule("POST /api/audit/verify", secretariatOnly());
        rule("GET /api/audit/heads", secretariatOnly());
        rule("POST /api/forums", secretariatOnly());
        rule("POST /api/forums/{id}/experts", coordinatorsOfTheForum());
        rule("POST /api/forums/{id}/drafts", coordinatorsOfTheForum());
        rule("POST /api/forums/{id}/advance", coordinatorsOfTheForum());
        rule("GET /api/forums/{id}/comments", everyone());
        rule("GET /api/forums/{id}/drafts/{from}/diff/{to}", everyone());
        rule("GET /api/cycles", everyone());
        rule("GET /api/cycles/{year}", everyone());
        rule("POST /api/cycles", secretariatOnly());
        rule("POST /api/forums/{id}/coordinators", secretariatOnly());
        rule("POST /api/forums/{id}/coordinators/volunteers", signedIn());
        for (String step : List.of("experts/leave", "mailing-list", "meetings", "consultation/extend", "moderation",
                "comments/{commentId}/approve", "comments/{commentId}/hide", "comments/{commentId}/disposition", "session",
                "coordinators/step-down")) {
            rule("POST /api/forums/{id}/" + step, coordinatorsOfTheForum());
        }
        rule("GET /api/accounts", secretariatOnly());
        rule("POST /api/accounts", secretariatOnly());
        rule("GET /api/accounts/{username}", secretariatOnly());
        rule("POST /api/accounts/{username}/disable", secretariatOnly());
        rule("POST /api/accounts/{username}/enable", secretariatOnly());
        rule("PUT /api/accounts/{username}/password", secretariatOnly());
        rule("PUT /api/accounts/{username}/roles", secretariatOnly());
        rule("PUT /api/accounts/{username}/forums", secretariatOnly());
        rule("GET /api/admin/dead-letters", secretariatOnly());
        rule("GET /api/dashboard", everyone());
        rule("GET /api/admin/projections", secretariatOnly());
        rule("GET /api/admin/projections/{name}", secretariatOnly());
        rule("POST /api/admin/projections/{name}/rebuild", secretariatOnly());
        rule("POST /api/admin/dead-letters/{processingGroup}/retry", secretariatOnly());
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointAnswersEveryCallerAsItsRuleSays() {
        Api api = new Api(port);
        Map<Caller, String> credentials = callers(api);
        String forum = new Forums(api).aNewForum("Matrix", List.of("coordinator"));
        String target = account(api, "EXPERT");

        List<String> endpoints = apiEndpoints();
        assertThat(endpoints).as("endpoints without a rule in this test").allSatisfy(endpoint -> assertThat(RULES).containsKey(endpoint));

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                    .replace("{id}", forum).replace("{version}", "1").replace("{username}", target)
                    .replace("{processingGroup}", "forum-views").replace("{name}", "no-such-projection")
                    .replace("{commentId}", "no-such-comment").replace("{from}", "1").replace("{to}", "1").replace("{year}", "2015");
            for (Caller caller : Caller.values()) {
                cells++;
                HttpRequest.Builder request = api.request(path, credentials.get(caller)).header("Content-Type", "application/json");
                request = "GET".equals(method) ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString("{}"));
                int status = api.send(request).status();
                Outcome expected = RULES.get(endpoint).get(caller);
                boolean ok = switch (expected) {
                    case ALLOWED -> status != 401 && status != 403 && status < 500;
                    case UNAUTHENTICATED -> status == 401;
                    case FORBIDDEN -> status == 403;
                };
                if (!ok) {
                    wrong.add(endpoint + " as " + caller + ": expected " + expected + ", got " + status);
                }
            }
        }
        System.out.printf("Authorization matrix: %d endpoints x %d callers = %d cells checked%n", endpoints.size(), Caller.values().length, cells);
        assertThat(wrong).isEmpty();
    }

    private List<String> apiEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        endpoints.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    private static Map<Caller, String> callers(Api api) {
        Map<Caller, String> credentials = new EnumMap<>(Caller.class);
        credentials.put(Caller.ANONYMOUS, null);
        credentials.put(Caller.EXPERT, "expert:expert");
        credentials.put(Caller.COORDINATOR_OF_ANOTHER_FORUM, account(api, "COORDINATOR") + ":a long enough password");
        credentials.put(Caller.COORDINATOR_OF_THIS_FORUM, Api.COORDINATOR);
        credentials.put(Caller.SECRETARIAT, Api.SECRETARIAT);
        return credentials;
    }

    private static String account(Api api, String role) {
        String username = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/accounts", Api.SECRETARIAT, json("username", username, "password", "a long enough password",
                "roles", List.of(role))).status()).isEqualTo(201);
        return username;
    }

    private static void rule(String endpoint, Map<Caller, Outcome> outcomes) {
        RULES.put(endpoint, outcomes);
    }

    private static Map<Caller, Outcome> everyone() {
        return outcomes(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED);
    }

    private static Map<Caller, Outcome> secretariatOnly() {
        return outcomes(Outcome.UNAUTHENTICATED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.ALLOWED);
    }

    private static Map<Caller, Outcome> signedIn() {
        return outcomes(Outcome.UNAUTHENTICATED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED);
    }

    private static Map<Caller, Outcome> coordinatorsOfTheForum() {
        return outcomes(Outcome.UNAUTHENTICATED, Outcome.FORBIDDEN, Outcome.FORBIDDEN, Outcome.ALLOWED, Outcome.ALLOWED);
    }

    private static Map<Caller, Outcome> outcomes(Outcome anonymous, Outcome expert, Outcome otherCoordinator,
                                                 Outcome ownCoordinator, Outcome secretariat) {
        Map<Caller, Outcome> outcomes = new EnumMap<>(Caller.class);
        outcomes.put(Caller.ANONYMOUS, anonymous);
        outcomes.put(Caller.EXPERT, expert);
        outcomes.put(Caller.COORDINATOR_OF_ANOTHER_FORUM, otherCoordinator);
        outcomes.put(Caller.COORDINATOR_OF_THIS_FORUM, ownCoordinator);
        outcomes.put(Caller.SECRETARIAT, secretariat);
        return outcomes;
    }
}
