package org.igf.bpf.api.cycle.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.igf.bpf.core.cycle.CycleId;
import org.igf.bpf.core.cycle.CycleOpened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Reads cycles: one cycle straight from its events (exact the moment a command returns), the list
 * from the cycle_view read table that {@link CycleProjection} keeps.
 */
@Component
public class CycleViews {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public CycleViews(EventStore eventStore, JdbcTemplate jdbc, ObjectMapper json) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<CycleView> find(int year) {
        return eventStore.readEvents(new CycleId(year).toString()).asStream()
                .map(event -> event.getPayload())
                .filter(CycleOpened.class::isInstance).map(CycleOpened.class::cast)
                .map(CycleViews::of)
                .reduce((first, later) -> later);
    }

    public List<CycleView> list() {
        return jdbc.query("select document from cycle_view order by year", (rs, i) -> read(rs.getString(1)));
    }

    static CycleView of(CycleOpened event) {
        return new CycleView(event.year(), event.annualMeeting(), event.at(), event.by().name());
    }

    void save(CycleView view) {
        jdbc.update("""
                insert into cycle_view (year, document) values (?, cast(? as jsonb))
                on conflict (year) do update set document = excluded.document
                """, view.year(), write(view));
    }

    void deleteAll() {
        jdbc.update("delete from cycle_view");
    }

    private CycleView read(String document) {
        try {
            return json.readValue(document, CycleView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable cycle_view document", e);
        }
    }

    private String write(CycleView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write cycle_view document", e);
        }
    }
}
