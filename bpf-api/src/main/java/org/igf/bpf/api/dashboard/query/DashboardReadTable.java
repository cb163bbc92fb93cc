package org.igf.bpf.api.dashboard.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.igf.bpf.core.forum.Stage;
import org.igf.bpf.api.projection.DocumentsByIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dashboard_forum read table: columns to filter on, and the whole view as JSON. Every write also
 * moves the table's generation on (dashboard_generation), in the writer's transaction, so that a node
 * holding rows it read earlier can tell, with one lookup, whether they are still the table's.
 */
@Repository
public class DashboardReadTable {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public DashboardReadTable(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<DashboardForumView> find(String forumId) {
        return jdbc.query("select document from dashboard_forum where forum_id = ?", (rs, i) -> read(rs.getString(1)), forumId)
                .stream().findFirst();
    }

    public List<DashboardForumView> ofCycle(int cycle) {
        return jdbc.query("select document from dashboard_forum where cycle = ? order by topic, forum_id",
                (rs, i) -> read(rs.getString(1)), cycle);
    }

    /** Where a forum stands: its row's columns, without reading the document. */
    public record Standing(String forumId, int cycle, String topic, Stage stage, Instant stageEnteredAt) {
    }

    /**
     * Where the forums of the latest cycles stand, at most {@code max} of them: latest cycle first, then
     * the forums that entered their stage most recently.
     */
    public List<Standing> latestStandings(int max) {
        return jdbc.query("select forum_id, cycle, topic, stage, stage_entered_at from dashboard_forum "
                        + "order by cycle desc, stage_entered_at desc, forum_id limit ?",
                (rs, i) -> new Standing(rs.getString(1), rs.getInt(2), rs.getString(3), Stage.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant()), max);
    }

    /** How many forums each cycle has in each stage (stages without forums left out). */
    public Map<Integer, Map<Stage, Integer>> stageCounts() {
        Map<Integer, Map<Stage, Integer>> counts = new TreeMap<>();
        jdbc.query("select cycle, stage, count(*) from dashboard_forum group by cycle, stage", (RowCallbackHandler) rs ->
                counts.computeIfAbsent(rs.getInt(1), cycle -> new EnumMap<>(Stage.class)).put(Stage.valueOf(rs.getString(2)), rs.getInt(3)));
        return counts;
    }

    /** The cycles that have forums, latest first. */
    public List<Integer> cycles() {
        return jdbc.queryForList("select distinct cycle from dashboard_forum order by cycle desc", Integer.class);
    }

    /**
     * How many times the table has been written, as far as committed transactions go. Read it before the
     * rows it is to vouch for: a write committing in between then makes those rows look older than they
     * are, never newer.
     */
    public long generation() {
        return jdbc.queryForObject("select generation from dashboard_generation where id = 1", Long.class);
    }

    /** The stored documents of these forums' rows, not parsed yet (forums without a row are left out). */
    Map<String, String> documents(List<String> forumIds) {
        return DocumentsByIds.read(jdbc, "dashboard_forum", forumIds);
    }

    /** Inserts or replaces the rows, in one JDBC batch, and moves the generation on once for all of them. */
    public void saveAll(List<DashboardForumView> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into dashboard_forum (forum_id, cycle, topic, stage, stage_entered_at, last_activity_at, last_sequence, document)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (forum_id) do update set cycle = excluded.cycle, topic = excluded.topic, stage = excluded.stage,
                    stage_entered_at = excluded.stage_entered_at, last_activity_at = excluded.last_activity_at,
                    last_sequence = excluded.last_sequence, document = excluded.document
                """, views, views.size(), (statement, view) -> {
            statement.setString(1, view.id());
            statement.setInt(2, view.cycle());
            statement.setString(3, view.topic());
            statement.setString(4, view.stage().name());
            statement.setTimestamp(5, Timestamp.from(view.stageEnteredAt()));
            statement.setTimestamp(6, Timestamp.from(view.lastActivityAt()));
            statement.setLong(7, view.version());
            statement.setString(8, write(view));
        });
        nextGeneration();
    }

    public void deleteAll() {
        jdbc.update("delete from dashboard_forum");
        nextGeneration();
    }

    /**
     * Called after the rows are written, in the same transaction. Should a caller run without a
     * transaction, the rows still commit before the new generation does, so a reader can take rows newer
     * than the generation it saw (and reads them again), but never older ones under a newer generation.
     * Concurrent writers wait for each other on the one row from here to their commit, which is why it
     * comes last and once per batch rather than once per row.
     */
    private void nextGeneration() {
        jdbc.update("update dashboard_generation set generation = generation + 1 where id = 1");
    }

    DashboardForumView read(String document) {
        try {
            return json.readValue(document, DashboardForumView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable dashboard_forum document", e);
        }
    }

    private String write(DashboardForumView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write dashboard_forum document", e);
        }
    }
}
