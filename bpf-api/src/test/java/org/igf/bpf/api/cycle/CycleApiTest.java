package org.igf.bpf.api.cycle;

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
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.igf.bpf.api.Api.json;

/** Cycles over HTTP: the secretariat opens a year with its annual meeting; everyone reads it with its forums. */
@ApiTest
class CycleApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void opensACycleWithItsAnnualMeetingAndListsIt() throws Exception {
        Api.Response created = api.post("/api/cycles", Api.SECRETARIAT, json("year", 2031, "annualMeeting",
                meeting("Brazil", "João Pessoa", "2031-11-10", "2031-11-13")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/cycles/2031");
        assertThat(created.json().at("/annualMeeting/city").asText()).isEqualTo("João Pessoa");
        assertThat(created.json().get("openedBy").asText()).isEqualTo("secretariat");
        assertThat(api.get("/api/cycles/2031", null).json().get("forums").isArray()).isTrue();
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (!listed(2031) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(listed(2031)).isTrue();
    }

    @Test
    void refusesASecondCycleForTheSameYear() {
        assertThat(api.post("/api/cycles", Api.SECRETARIAT, json("year", 2032, "annualMeeting",
                meeting("Kenya", "Nairobi", "2032-09-27", "2032-09-30"))).status()).isEqualTo(201);

        JsonNode problem = refused("cycle-2032", 409, () -> api.post("/api/cycles", Api.SECRETARIAT, json("year", 2032,
                "annualMeeting", meeting("Mexico", "Guadalajara", "2032-12-06", "2032-12-09"))));

        assertThat(problem.get("code").asText()).isEqualTo("cycle.already-open");
    }

    @Test
    void refusesBadMeetingsAndOtherRoles() {
        assertThat(refused("cycle-2033", 422, () -> api.post("/api/cycles", Api.SECRETARIAT, json("year", 2033, "annualMeeting",
                meeting("Brazil", "João Pessoa", "2033-11-13", "2033-11-10")))).get("code").asText()).isEqualTo("cycle.meeting-dates-invalid");
        assertThat(refused("cycle-2033", 422, () -> api.post("/api/cycles", Api.SECRETARIAT, json("year", 2033, "annualMeeting",
                meeting("Brazil", "João Pessoa", "2034-11-10", "2034-11-13")))).get("code").asText()).isEqualTo("cycle.meeting-outside-year");
        assertThat(refused("cycle-2033", 400, () -> api.post("/api/cycles", Api.SECRETARIAT, json("year", 2033))).get("code").asText())
                .isEqualTo("request.invalid");
        refused("cycle-2033", 403, () -> api.post("/api/cycles", Api.COORDINATOR, json("year", 2033, "annualMeeting",
                meeting("Brazil", "João Pessoa", "2033-11-10", "2033-11-13"))));
        assertThat(refused("cycle-2033", 404, () -> api.get("/api/cycles/2033", null)).get("code").asText()).isEqualTo("cycle.not-found");
    }

    private boolean listed(int year) {
        for (JsonNode cycle : api.get("/api/cycles", null).json()) {
            if (cycle.get("year").asInt() == year) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> meeting(String country, String city, String startsOn, String endsOn) {
        return Map.of("hostCountry", country, "city", city, "startsOn", startsOn, "endsOn", endsOn);
    }

    private JsonNode refused(String aggregate, int status, Supplier<Api.Response> call) {
        long before = events(aggregate);
        Api.Response response = call.get();
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events(aggregate)).isEqualTo(before);
        return response.json();
    }

    private long events(String aggregate) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregate);
    }
}
