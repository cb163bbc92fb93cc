package org.igf.bpf.workflow.lifecycle;

import org.igf.bpf.core.forum.ForumId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads what the event store holds for a forum, straight from its table. */
@Component
class EventRows {

    private final JdbcTemplate jdbc;

    EventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> typesOf(ForumId forum) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, forum.value()).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
