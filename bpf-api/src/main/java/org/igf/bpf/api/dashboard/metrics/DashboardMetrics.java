package org.igf.bpf.api.dashboard.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.igf.bpf.api.dashboard.query.DashboardChanges;
import org.igf.bpf.api.dashboard.query.DashboardProjection;
import org.igf.bpf.api.dashboard.query.DashboardReadTable;
import org.igf.bpf.api.dashboard.query.DashboardReadTable.Standing;
import org.igf.bpf.core.forum.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the forums stand, as gauges for Prometheus and Grafana (from the dashboard's read table):
 * <ul>
 * <li>{@code bpf_forums{cycle, stage}}: forums per stage per cycle (every stage, zeros included);</li>
 * <li>{@code bpf_forum_stage{forum_id, cycle, topic, stage}}: a forum's current stage, the value its
 * place in the lifecycle (1 expert recruitment ... 7 concluded);</li>
 * <li>{@code bpf_forum_days_in_stage{forum_id, cycle, topic, stage}}: days since it entered that stage,
 * computed at scrape time.</li>
 * </ul>
 * The gauges read an in-memory snapshot of the read table's columns (no document is parsed): the
 * counts per cycle and stage, counted by the database, and only the rows of the forums that get gauges
 * of their own (with 135,000 forums, reading every row was a tenth of the application's samples under load). The
 * snapshot is taken again at most every {@value #REFRESH_MILLIS} ms after this node hears of a change
 * (from any node), and every {@value #REFRESH_SECONDS} s regardless: Prometheus scrapes every 15 s or
 * more, and under a steady stream of stage changes a snapshot a second was a few percent of the CPU.
 * A forum's gauges are registered once, when it first shows with its cycle, topic and stage, and
 * replaced only when one of those changes. While the read table is being rebuilt (emptied, then refilled by replay) the gauges keep
 * showing the last snapshot and a new one is taken once the rebuild has caught up, so a rebuild does
 * not remove and re-register every forum's gauges while it runs.
 *
 * <p>Per-forum gauges are kept for at most {@code bpf.metrics.max-forum-gauges} forums (1,000 by
 * default): those of the latest cycles, most recently moved first. Each gauge is a time series in
 * Prometheus and a few hundred bytes of heap here; a store of a hundred thousand forums would exhaust
 * both. {@code bpf_forums} counts every forum whatever the limit.
 */
@Component
public class DashboardMetrics {

    static final long REFRESH_SECONDS = 30;
    static final long REFRESH_MILLIS = 5000;
    private static final Logger log = LoggerFactory.getLogger(DashboardMetrics.class);

    private static final String STAGE_DESCRIPTION = "A forum's current stage: 1 expert recruitment, 2 discussion, 3 drafting, "
            + "4 public consultation, 5 revision, 6 presentation, 7 concluded";
    private static final String DAYS_DESCRIPTION = "Days since the forum entered its stage";

    private final DashboardReadTable table;
    private final Clock clock;
    private final MeterRegistry registry;
    private final MultiGauge forums;
    /** The gauges registered per forum (only touched by {@link #refresh()}). */
    private final Map<String, ForumGauges> forumGauges = new HashMap<>();
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private volatile long refreshedAt;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-metrics");
        thread.setDaemon(true);
        return thread;
    });

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final int maxForumGauges;
    private boolean limitReported;

    public DashboardMetrics(DashboardReadTable table, DashboardChanges changes, MeterRegistry registry, Clock clock,
                            ObjectProvider<EventProcessingConfiguration> processing,
                            @Value("${bpf.metrics.max-forum-gauges:1000}") int maxForumGauges) {
        this.table = table;
        this.maxForumGauges = Math.max(0, maxForumGauges);
        this.processing = processing;
        this.clock = clock;
        this.registry = registry;
        this.forums = MultiGauge.builder("bpf.forums").description("Forums per stage per cycle").register(registry);
        changes.subscribe(ids -> changed.set(true));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        refresher.scheduleWithFixedDelay(this::refreshIfDue, 0, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        refresher.shutdownNow();
    }

    private void refreshIfDue() {
        if (rebuilding()) {
            changed.set(true); // keep the last snapshot while the table refills; take a new one once caught up
            return;
        }
        boolean periodic = System.nanoTime() - refreshedAt >= TimeUnit.SECONDS.toNanos(REFRESH_SECONDS);
        if (changed.getAndSet(false) || periodic) {
            refresh();
        }
    }

    /** Whether the dashboard's read table is being rebuilt and has not caught up yet (it is emptied and refilled then). */
    private boolean rebuilding() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return false;
        }
        return configuration.eventProcessor(DashboardProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .anyMatch(status -> status.isReplaying() && !status.isCaughtUp()))
                .orElse(false);
    }

    /** Takes a new snapshot of the read table; registers the gauges of forums that are new or changed, removes those of forums gone. */
    synchronized void refresh() {
        refreshedAt = System.nanoTime();
        Map<Integer, Map<Stage, Integer>> counts;
        List<Standing> gauged;
        try {
            // two reads, not one snapshot of the table: a change between them is in the next refresh
            counts = table.stageCounts();
            gauged = table.latestStandings(maxForumGauges);
        } catch (RuntimeException e) {
            log.debug("Dashboard metrics not refreshed: {}", e.toString());
            return;
        }
        int total = counts.values().stream().flatMap(byStage -> byStage.values().stream()).mapToInt(Integer::intValue).sum();
        if (gauged.size() < total && !limitReported) {
            limitReported = true;
            log.warn("{} forums: per-forum gauges are kept for {} of them, of the latest cycles (bpf.metrics.max-forum-gauges); "
                    + "bpf_forums counts them all", total, gauged.size());
        }
        Map<String, Standing> gaugedById = new HashMap<>();
        gauged.forEach(forum -> gaugedById.put(forum.forumId(), forum));
        snapshot = new Snapshot(gaugedById, counts);
        for (Standing forum : gauged) {
            ForumGauges registered = forumGauges.get(forum.forumId());
            if (registered == null || !registered.labels(forum)) {
                if (registered != null) {
                    registered.remove(registry);
                }
                forumGauges.put(forum.forumId(), register(forum));
            }
        }
        forumGauges.entrySet().removeIf(entry -> {
            boolean gone = !gaugedById.containsKey(entry.getKey());
            if (gone) {
                entry.getValue().remove(registry);
            }
            return gone;
        });
        List<MultiGauge.Row<?>> countRows = new ArrayList<>();
        counts.forEach((cycle, byStage) -> {
            for (Stage s : Stage.values()) {
                countRows.add(MultiGauge.Row.of(Tags.of("cycle", String.valueOf(cycle), "stage", s.name()), () -> count(cycle, s)));
            }
        });
        // not overwritten: a row already registered stays (it reads the snapshot), rows no longer given are removed
        forums.register(countRows, false);
    }

    private ForumGauges register(Standing forum) {
        Tags tags = Tags.of("forum_id", forum.forumId(), "cycle", String.valueOf(forum.cycle()), "topic", forum.topic(),
                "stage", forum.stage().name());
        int place = forum.stage().ordinal() + 1;
        String id = forum.forumId();
        return new ForumGauges(forum,
                Gauge.builder("bpf.forum.stage", () -> place).description(STAGE_DESCRIPTION).tags(tags).register(registry),
                Gauge.builder("bpf.forum.days.in.stage", () -> daysInStage(id)).description(DAYS_DESCRIPTION).tags(tags).register(registry));
    }

    private double daysInStage(String forumId) {
        Standing forum = snapshot.forums().get(forumId);
        return forum == null ? Double.NaN : Duration.between(forum.stageEnteredAt(), clock.instant()).toSeconds() / 86_400.0;
    }

    private int count(int cycle, Stage stage) {
        return snapshot.counts().getOrDefault(cycle, Map.of()).getOrDefault(stage, 0);
    }

    /** A forum's two gauges, and the labels they were registered with. */
    private record ForumGauges(Standing shown, Gauge stage, Gauge daysInStage) {

        boolean labels(Standing forum) {
            return shown.cycle() == forum.cycle() && shown.stage() == forum.stage() && shown.topic().equals(forum.topic());
        }

        void remove(MeterRegistry registry) {
            registry.remove(stage);
            registry.remove(daysInStage);
        }
    }

    private record Snapshot(Map<String, Standing> forums, Map<Integer, Map<Stage, Integer>> counts) {
    }
}
