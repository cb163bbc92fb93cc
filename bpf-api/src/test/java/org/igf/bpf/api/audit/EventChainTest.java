package org.igf.bpf.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each forum's events form a hash chain written when they are stored; the verification finds a
 * changed payload, a deleted event and two reordered events. Tampering is done as an attacker with
 * database superuser rights would (triggers off for the session), and undone afterwards.
 */
@ApiTest
class EventChainTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    Api api;
    Forums forums;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        forums = new Forums(api);
    }

    @Test
    void anUntouchedStoreVerifiesWithCounts() {
        String id = forums.aForumInDrafting();

        JsonNode one = verify(id);
        assertThat(one.get("ok").asBoolean()).isTrue();
        assertThat(one.get("forums").asLong()).isEqualTo(1);
        assertThat(one.get("events").asLong()).isEqualTo(6);
        assertThat(one.get("broken")).isEmpty();

        JsonNode all = verify(null);
        assertThat(all.get("ok").asBoolean()).as(all.toString()).isTrue();
        assertThat(all.get("events").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
    }

    @Test
    void findsAChangedPayload() {
        String id = forums.aForumInDrafting();
        byte[] original = payloadOf(id, 2);
        asSuperuser("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Ben', 'Bob'), 'UTF8')"
                + " where aggregate_identifier = ? and sequence_number = 2", id);
        try {
            JsonNode broken = brokenLinkOf(id);
            assertThat(broken.get("sequence").asLong()).isEqualTo(2);
            assertThat(broken.get("problem").asText()).isEqualTo("payload-changed");
            assertThat(broken.get("detail").asText()).contains("payload");
            assertThat(verify(id).get("events").asLong()).as("every stored event is counted, also after the break").isEqualTo(6);
            assertThat(verify(null).get("broken").findValuesAsText("forum")).contains(id);
        } finally {
            asSuperuser("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2", original, id);
        }
        assertThat(verify(id).get("ok").asBoolean()).isTrue();
    }

    @Test
    void findsADeletedEvent() {
        String id = forums.aForumInDrafting();
        Map<String, Object> row = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? and sequence_number = 3", id);
        asSuperuser("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 3", id);
        try {
            JsonNode broken = brokenLinkOf(id);
            assertThat(broken.get("sequence").asLong()).isEqualTo(3);
            assertThat(broken.get("problem").asText()).isEqualTo("event-missing");
            assertThat(broken.get("detail").asText()).contains((String) row.get("event_identifier"));
        } finally {
            reinsert("domain_event_entry", row);
        }
        assertThat(verify(id).get("ok").asBoolean()).isTrue();
    }

    @Test
    void findsADeletedEventWhoseLinkWasDeletedToo() {
        String id = forums.aForumInDrafting();
        Map<String, Object> event = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? and sequence_number = 1", id);
        Map<String, Object> link = jdbc.queryForMap("select * from event_chain where aggregate_identifier = ? and sequence_number = 1", id);
        asSuperuser("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 1", id);
        asSuperuser("delete from event_chain where aggregate_identifier = ? and sequence_number = 1", id);
        try {
            JsonNode broken = brokenLinkOf(id);
            assertThat(broken.get("sequence").asLong()).isEqualTo(2);
            assertThat(broken.get("problem").asText()).isEqualTo("sequence-gap");
        } finally {
            reinsert("event_chain", link);
            reinsert("domain_event_entry", event);
        }
        assertThat(verify(id).get("ok").asBoolean()).isTrue();
    }

    @Test
    void findsTwoReorderedEvents() {
        String id = forums.aForumInDrafting();
        swapSequences(id, 1, 2);
        try {
            JsonNode broken = brokenLinkOf(id);
            assertThat(broken.get("sequence").asLong()).isEqualTo(1);
            assertThat(broken.get("problem").asText()).isEqualTo("event-replaced");
        } finally {
            swapSequences(id, 1, 2);
        }
        assertThat(verify(id).get("ok").asBoolean()).isTrue();

        byte[] first = payloadOf(id, 1);
        byte[] second = payloadOf(id, 2);
        asSuperuser("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1", second, id);
        asSuperuser("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2", first, id);
        try {
            JsonNode broken = brokenLinkOf(id);
            assertThat(broken.get("sequence").asLong()).isEqualTo(1);
            assertThat(broken.get("problem").asText()).isEqualTo("payload-changed");
        } finally {
            asSuperuser("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 1", first, id);
            asSuperuser("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2", second, id);
        }
        assertThat(verify(id).get("ok").asBoolean()).isTrue();
    }

    @Test
    void findsAChangedActorInTheMetadata() {
        String id = forums.aNewForum();
        asSuperuser("update domain_event_entry set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), 'secretariat', 'nobody'), 'UTF8')"
                + " where aggregate_identifier = ? and sequence_number = 0", id);
        try {
            assertThat(brokenLinkOf(id).get("problem").asText()).isEqualTo("metadata-changed");
        } finally {
            asSuperuser("update domain_event_entry set meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), 'nobody', 'secretariat'), 'UTF8')"
                    + " where aggregate_identifier = ? and sequence_number = 0", id);
        }
        assertThat(verify(id).get("ok").asBoolean()).isTrue();
    }

    @Test
    void refusesToChangeOrDeleteStoredEventsOrLinks() {
        String id = forums.aNewForum();

        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload = payload where aggregate_identifier = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from event_chain where aggregate_identifier = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("truncate domain_event_entry")).hasMessageContaining("append-only");
        assertThat(verify(id).get("ok").asBoolean()).isTrue();
    }

    @Test
    void headsNameEachForumsLastLinkAndADigestOverThemAll() throws Exception {
        String id = forums.aNewForum();
        forums.expert(id, "Ana", "GOVERNMENT");

        Api.Response response = api.get("/api/audit/heads", Api.SECRETARIAT);
        assertThat(response.status()).isEqualTo(200);
        JsonNode heads = response.json();

        StringBuilder lines = new StringBuilder();
        JsonNode ours = null;
        for (JsonNode head : heads.get("heads")) {
            lines.append(head.get("forum").asText()).append(' ').append(head.get("sequence").asLong()).append(' ')
                    .append(head.get("hash").asText()).append('\n');
            if (head.get("forum").asText().equals(id)) {
                ours = head;
            }
        }
        assertThat(heads.get("forums").asLong()).isEqualTo(heads.get("heads").size());
        assertThat(heads.get("digest").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8))));
        assertThat(ours).isNotNull();
        assertThat(ours.get("sequence").asLong()).isEqualTo(1);
        JsonNode events = api.get("/api/audit/events?forum=" + id, Api.SECRETARIAT).json().get("events");
        assertThat(ours.get("hash").asText()).isEqualTo(events.get(1).get("hash").asText());
    }

    @Test
    void aChainRewrittenWithItsEventsPassesAloneButNotAgainstThePublishedHeads() {
        String id = forums.aForumInDrafting();
        String published = api.get("/api/audit/heads", Api.SECRETARIAT).body();
        byte[] original = payloadOf(id, 2);
        List<Map<String, Object>> links = jdbc.queryForList(
                "select * from event_chain where aggregate_identifier = ? and sequence_number >= 2 order by sequence_number", id);
        asSuperuser("update domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Ben', 'Bob'), 'UTF8')"
                + " where aggregate_identifier = ? and sequence_number = 2", id);
        for (long sequence = 2; sequence <= 5; sequence++) {
            // what a superuser who knows the scheme does: recompute every later link
            asSuperuser("""
                    update event_chain c set payload_digest = sha256(e.payload), prev_hash = p.hash, hash = event_chain_hash(p.hash, e)
                      from domain_event_entry e, event_chain p
                     where c.aggregate_identifier = ? and c.sequence_number = ?
                       and e.aggregate_identifier = c.aggregate_identifier and e.sequence_number = c.sequence_number
                       and p.aggregate_identifier = c.aggregate_identifier and p.sequence_number = c.sequence_number - 1
                    """, id, sequence);
        }
        try {
            assertThat(verify(id).get("ok").asBoolean()).as("the chain alone cannot see a wholesale rewrite").isTrue();
            JsonNode against = verifyAgainst(published);
            assertThat(against.get("ok").asBoolean()).isFalse();
            assertThat(against.get("broken")).hasSize(1);
            assertThat(against.at("/broken/0/forum").asText()).isEqualTo(id);
            assertThat(against.at("/broken/0/sequence").asLong()).isEqualTo(5);
            assertThat(against.at("/broken/0/problem").asText()).isEqualTo("head-differs");
            Api.Response forged = api.post("/api/audit/verify", Api.SECRETARIAT,
                    published.replaceFirst("\"digest\":\"[0-9a-f]{64}\"", "\"digest\":\"" + "f".repeat(64) + "\""));
            assertThat(forged.status()).as("a published list whose digest does not match its heads").isEqualTo(400);
            assertThat(forged.json().get("field").asText()).isEqualTo("digest");
        } finally {
            asSuperuser("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2", original, id);
            for (Map<String, Object> link : links) {
                asSuperuser("update event_chain set payload_digest = ?, prev_hash = ?, hash = ? where global_index = ?",
                        link.get("payload_digest"), link.get("prev_hash"), link.get("hash"), link.get("global_index"));
            }
        }
        assertThat(verify(id).get("ok").asBoolean()).isTrue();
        assertThat(verifyAgainst(published).get("ok").asBoolean()).isTrue();
    }

    @Test
    void lastEventsCutOffWithTheirLinksAreCaughtByThePublishedHeads() {
        String id = forums.aForumInDrafting();
        String published = api.get("/api/audit/heads", Api.SECRETARIAT).body();
        Map<String, Object> event = jdbc.queryForMap("select * from domain_event_entry where aggregate_identifier = ? and sequence_number = 5", id);
        Map<String, Object> link = jdbc.queryForMap("select * from event_chain where aggregate_identifier = ? and sequence_number = 5", id);
        asSuperuser("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 5", id);
        asSuperuser("delete from event_chain where aggregate_identifier = ? and sequence_number = 5", id);
        try {
            assertThat(verify(id).get("ok").asBoolean()).isTrue();
            JsonNode against = verifyAgainst(published);
            assertThat(against.get("ok").asBoolean()).isFalse();
            assertThat(against.at("/broken/0/forum").asText()).isEqualTo(id);
            assertThat(against.at("/broken/0/problem").asText()).isEqualTo("head-missing");
            assertThat(against.at("/broken/0/detail").asText()).contains("ends at 4");
        } finally {
            reinsert("event_chain", link);
            reinsert("domain_event_entry", event);
        }
        assertThat(verifyAgainst(published).get("ok").asBoolean()).isTrue();
    }

    private JsonNode verifyAgainst(String publishedHeads) {
        Api.Response response = api.post("/api/audit/verify", Api.SECRETARIAT, publishedHeads);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode verify(String forum) {
        Api.Response response = api.get("/api/audit/verify" + (forum == null ? "" : "?forum=" + forum), Api.SECRETARIAT);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode brokenLinkOf(String forum) {
        JsonNode report = verify(forum);
        assertThat(report.get("ok").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.get("broken")).hasSize(1);
        JsonNode broken = report.get("broken").get(0);
        assertThat(broken.get("forum").asText()).isEqualTo(forum);
        return broken;
    }

    private byte[] payloadOf(String forum, long sequence) {
        return jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, forum, sequence);
    }

    private void swapSequences(String forum, long one, long other) {
        asSuperuser("update domain_event_entry set sequence_number = -1 where aggregate_identifier = ? and sequence_number = ?", forum, one);
        asSuperuser("update domain_event_entry set sequence_number = ? where aggregate_identifier = ? and sequence_number = ?", one, forum, other);
        asSuperuser("update domain_event_entry set sequence_number = ? where aggregate_identifier = ? and sequence_number = -1", other, forum);
    }

    /** Runs SQL with the triggers off, as only a superuser (or the table's owner dropping them) can. */
    private void asSuperuser(String sql, Object... args) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("set local session_replication_role = replica");
            jdbc.update(sql, args);
        });
    }

    /** Puts a deleted row back exactly as it was (without the triggers, so no second link is made). */
    private void reinsert(String table, Map<String, Object> row) {
        asSuperuser("insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")", row.values().toArray());
    }
}
