package org.igf.bpf.api.forum.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.igf.bpf.api.projection.DocumentsByIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * The forum_view read table: summary columns to filter and sort on, and the forum as JSON without its
 * comments (see {@link ForumProjection}); a forum's comments are read from its events.
 */
@Repository
public class ForumReadTable {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ForumReadTable(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<ForumView> findAll(Integer cycle) {
        String sql = "select document from forum_view" + (cycle == null ? "" : " where cycle = ?") + " order by cycle, topic, forum_id";
        Object[] args = cycle == null ? new Object[0] : new Object[]{cycle};
        return jdbc.query(sql, (rs, i) -> read(rs.getString(1)), args);
    }

    /** The stored documents of these forums' rows, not parsed yet (forums without a row are left out). */
    Map<String, String> documents(List<String> forumIds) {
        return DocumentsByIds.read(jdbc, "forum_view", forumIds);
    }

    /** Inserts or replaces the rows, in one JDBC batch. */
    public void saveAll(List<ForumView> views) {
        jdbc.batchUpdate("""
                insert into forum_view (forum_id, cycle, topic, stage, stage_entered_at, last_sequence, document)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (forum_id) do update set cycle = excluded.cycle, topic = excluded.topic, stage = excluded.stage,
                    stage_entered_at = excluded.stage_entered_at, last_sequence = excluded.last_sequence, document = excluded.document
                """, views, views.size(), (statement, view) -> {
            statement.setString(1, view.id());
            statement.setInt(2, view.cycle());
            statement.setString(3, view.topic());
            statement.setString(4, view.stage().name());
            statement.setTimestamp(5, Timestamp.from(view.stageEnteredAt()));
            statement.setLong(6, view.version());
            statement.setString(7, write(view));
        });
    }

    public void deleteAll() {
        jdbc.update("delete from forum_view");
    }

    ForumView read(String document) {
        try {
            return json.readValue(document, ForumView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable forum_view document", e);
        }
    }

    private String write(ForumView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write forum_view document", e);
        }
    }
}
