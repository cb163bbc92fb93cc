package org.igf.bpf.api.dashboard.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.igf.bpf.api.dashboard.query.DashboardChanges;
import org.igf.bpf.api.dashboard.query.DashboardForumView;
import org.igf.bpf.api.dashboard.query.DashboardReadTable;
import org.igf.bpf.core.forum.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the forums stand, as gauges for Prometheus and Grafana (from the dashboard's read table):
 * <ul>
 * <li>{@code bpf_forums{cycle, stage}}: forums per stage per cycle (every stage, zeros included);</li>
 * <li>{@code bpf_forum_stage{forum_id, cycle, topic, stage}}: a forum's current stage, the value its
 * place in the lifecycle (1 expert recruitment ... 7 concluded);</li>
 * <li>{@code bpf_forum_days_in_stage{forum_id, cycle, topic, stage}}: days since it entered that stage,
 * computed at scrape time.</li>
 * </ul>
 * The rows follow the read table: after every change this node projects, and every
 * {@value #REFRESH_SECONDS} s for the changes other nodes project.
 */
@Component
public class DashboardMetrics {

    static final long REFRESH_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(DashboardMetrics.class);

    private final DashboardReadTable table;
    private final Clock clock;
    private final MultiGauge forums;
    private final MultiGauge stage;
    private final MultiGauge daysInStage;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-metrics");
        thread.setDaemon(true);
        return thread;
    });

    public DashboardMetrics(DashboardReadTable table, DashboardChanges changes, MeterRegistry registry, Clock clock) {
        this.table = table;
        this.clock = clock;
        this.forums = MultiGauge.builder("bpf.forums").description("Forums per stage per cycle").register(registry);
        this.stage = MultiGauge.builder("bpf.forum.stage")
                .description("A forum's current stage: 1 expert recruitment, 2 discussion, 3 drafting, 4 public consultation, "
                        + "5 revision, 6 presentation, 7 concluded").register(registry);
        this.daysInStage = MultiGauge.builder("bpf.forum.days.in.stage").description("Days since the forum entered its stage").register(registry);
        changes.subscribe(changed -> refresh());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        refresher.shutdownNow();
    }

    synchronized void refresh() {
        List<DashboardForumView> all;
        try {
            all = table.all();
        } catch (RuntimeException e) {
            log.debug("Dashboard metrics not refreshed: {}", e.toString());
            return;
        }
        Map<Integer, Map<Stage, Integer>> counts = new TreeMap<>();
        List<MultiGauge.Row<?>> stageRows = new ArrayList<>();
        List<MultiGauge.Row<?>> dayRows = new ArrayList<>();
        for (DashboardForumView forum : all) {
            counts.computeIfAbsent(forum.cycle(), c -> new TreeMap<>()).merge(forum.stage(), 1, Integer::sum);
            Tags tags = Tags.of("forum_id", forum.id(), "cycle", String.valueOf(forum.cycle()), "topic", forum.topic(),
                    "stage", forum.stage().name());
            stageRows.add(MultiGauge.Row.of(tags, forum.stage().ordinal() + 1));
            dayRows.add(MultiGauge.Row.of(tags, forum, f -> Duration.between(f.stageEnteredAt(), clock.instant()).toSeconds() / 86_400.0));
        }
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        counts.forEach((cycle, byStage) -> {
            for (Stage s : Stage.values()) {
                countRows.add(MultiGauge.Row.of(Tags.of("cycle", String.valueOf(cycle), "stage", s.name()),
                        byStage.getOrDefault(s, 0)));
            }
        });
        forums.register(countRows, true);
        stage.register(stageRows, true);
        daysInStage.register(dayRows, true);
    }
}
