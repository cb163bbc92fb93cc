package org.igf.bpf.api.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** The secretariat manages accounts; passwords are bcrypt hashes; every change is an audited event. */
@ApiTest
class AccountManagementTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String username;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSecretariatCreatesAnAccountThatCanSignIn() {
        Api.Response created = api.post("/api/accounts", Api.SECRETARIAT,
                json("username", username, "password", "correct horse battery", "roles", List.of("COORDINATOR")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/accounts/" + username);
        assertThat(created.body()).doesNotContain("password");
        assertThat(api.post("/api/forums/none/experts", username + ":correct horse battery", "{}").status()).isNotIn(401, 403);
        String hash = jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("correct horse");
        String event = jdbc.queryForObject("select convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, "account:" + username);
        assertThat(event).contains("COORDINATOR", "\"actor\":\"secretariat\"").doesNotContain("correct horse").doesNotContain("bcrypt");
    }

    @Test
    void disablingAnAccountStopsItsSignInAndEnablingRestoresIt() {
        create("EXPERT");
        String credentials = username + ":a long enough password";
        assertThat(api.get("/api/accounts", credentials).status()).isEqualTo(403);

        assertThat(api.post("/api/accounts/" + username + "/disable", Api.SECRETARIAT, "").json().get("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/accounts", credentials).status()).isEqualTo(401);

        api.post("/api/accounts/" + username + "/enable", Api.SECRETARIAT, "");
        assertThat(api.get("/api/accounts", credentials).status()).isEqualTo(403);
    }

    @Test
    void aResetPasswordReplacesTheOldOne() {
        create("EXPERT");

        Api.Response reset = api.send(api.request("/api/accounts/" + username + "/password", Api.SECRETARIAT)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json("password", "another long password"))));

        assertThat(reset.status()).isEqualTo(204);
        assertThat(api.get("/api/accounts", username + ":a long enough password").status()).isEqualTo(401);
        assertThat(api.get("/api/accounts", username + ":another long password").status()).isEqualTo(403);
    }

    @Test
    void rolesAndForumsCanBeReassigned() {
        create("EXPERT");

        JsonNode roles = put("/api/accounts/" + username + "/roles", json("roles", List.of("COORDINATOR", "EXPERT"))).json();
        JsonNode forums = put("/api/accounts/" + username + "/forums", json("forums", List.of("forum-a", "forum-b"))).json();

        assertThat(roles.get("roles")).hasSize(2);
        assertThat(forums.get("forums")).hasSize(2);
        assertThat(api.get("/api/accounts/" + username, Api.SECRETARIAT).json().get("roles").toString()).contains("COORDINATOR");
        List<String> types = jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, "account:" + username);
        assertThat(types).extracting(t -> t.substring(t.lastIndexOf('.') + 1))
                .containsExactly("AccountCreated", "RolesAssigned", "ForumsAssigned");
    }

    @Test
    void refusesDuplicatesWeakPasswordsBadNamesAndOtherRoles() {
        create("EXPERT");
        assertThat(api.post("/api/accounts", Api.SECRETARIAT, json("username", username, "password", "a long enough password",
                "roles", List.of("EXPERT"))).json().get("code").asText()).isEqualTo("account.exists");
        assertThat(api.post("/api/accounts", Api.SECRETARIAT, json("username", username + "x", "password", "short",
                "roles", List.of("EXPERT"))).json().get("code").asText()).isEqualTo("account.weak-password");
        assertThat(api.post("/api/accounts", Api.SECRETARIAT, json("username", "Bad Name!", "password", "a long enough password",
                "roles", List.of("EXPERT"))).json().get("code").asText()).isEqualTo("account.invalid-username");
        assertThat(api.post("/api/accounts", Api.SECRETARIAT, json("username", username + "y", "password", "a long enough password",
                "roles", List.of("KING"))).status()).isEqualTo(400);
        assertThat(api.post("/api/accounts", Api.COORDINATOR, json("username", username + "z", "password", "a long enough password",
                "roles", List.of("SECRETARIAT"))).status()).isEqualTo(403);
        assertThat(api.get("/api/accounts/nobody-here", Api.SECRETARIAT).status()).isEqualTo(404);
        assertThat(api.post("/api/accounts/secretariat/disable", Api.SECRETARIAT, "").json().get("code").asText())
                .isEqualTo("account.cannot-disable-self");
    }

    private void create(String role) {
        Api.Response created = api.post("/api/accounts", Api.SECRETARIAT,
                json("username", username, "password", "a long enough password", "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private Api.Response put(String path, String body) {
        return api.send(api.request(path, Api.SECRETARIAT).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }
}
