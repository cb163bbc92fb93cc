package org.igf.bpf.api.comment;

import io.micrometer.core.instrument.MeterRegistry;
import org.igf.bpf.api.Api;
import org.igf.bpf.api.ApiTest;
import org.igf.bpf.api.forum.Forums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comment intake uses the cached forum without reading the store's last sequence number first; a
 * batch on a forum that another node appended to since loses the race for the next sequence number
 * once, runs again on the stored forum, and nothing is lost or stored twice.
 */
@ApiTest
class CommentBatchAfterAnotherNodeTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aBatchOnAForumAnotherNodeAppendedToRunsAgainOnTheStoredForum() {
        Forums forums = new Forums(new Api(port));
        String forum = forums.aForumInConsultation(Instant.now().plusSeconds(3600));
        String first = forums.comment(forum, "Ana", 1); // the intake's batch leaves the forum cached
        String otherNodes = anotherNodeComments(forum);
        double lostRaces = lostRaces();

        String second = forums.comment(forum, "Chen", 2);

        assertThat(lostRaces() - lostRaces).isEqualTo(1);
        assertThat(jdbc.queryForList("select convert_from(payload, 'UTF8')::json->>'commentId' from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%.CommentSubmitted' order by sequence_number", String.class, forum))
                .containsExactly(first, otherNodes, second);
        List<Long> sequence = jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", Long.class, forum);
        assertThat(sequence).containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
    }

    private double lostRaces() {
        return meters.get(CommentIntake.CONFLICTS).counter().count();
    }

    /** What another node's comment looks like to this one: the forum's last event copied under a new comment id. */
    private String anotherNodeComments(String forum) {
        return jdbc.queryForObject("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) "
                        + "select gen_random_uuid()::text, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type, "
                        + "payload_revision, convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{commentId}', "
                        + "to_jsonb(gen_random_uuid()::text))::text, 'UTF8'), meta_data "
                        + "from domain_event_entry where aggregate_identifier = ? "
                        + "and sequence_number = (select max(sequence_number) from domain_event_entry where aggregate_identifier = ?) "
                        + "returning convert_from(payload, 'UTF8')::json->>'commentId'",
                String.class, forum, forum);
    }
}
