package org.igf.bpf.api.dashboard.web;

import org.igf.bpf.api.dashboard.query.DashboardChanges;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Server-sent events for open dashboard pages: a {@code change} event naming the forums that changed
 * ({@code "*"}: all of them), a comment every {@value #HEARTBEAT_SECONDS} s so that dead connections
 * are noticed, and {@code retry: 1000} so that browsers reconnect within a second after a restart.
 * The pages then fetch their fresh HTML; the stream itself carries no forum data.
 */
@RestController
public class DashboardStream implements ApplicationListener<ContextClosedEvent> {

    static final long HEARTBEAT_SECONDS = 15;

    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public DashboardStream(DashboardChanges changes) {
        changes.subscribe(this::broadcast);
        heartbeat.scheduleAtFixedRate(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() throws IOException {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> emitters.remove(emitter));
        emitters.add(emitter);
        emitter.send(SseEmitter.event().name("hello").reconnectTime(1000).data(Map.of("forums", List.of())));
        return emitter;
    }

    /** How many pages are listening on this node. */
    public int connections() {
        return emitters.size();
    }

    /** Ends every open stream, as a shutdown does; the pages reconnect by themselves within a second or so. */
    public void disconnectAll() {
        emitters.forEach(SseEmitter::complete);
        emitters.clear();
    }

    private void broadcast(Set<String> forumIds) {
        send(() -> SseEmitter.event().name("change").data(Map.of("forums", forumIds), MediaType.APPLICATION_JSON));
    }

    private void beat() {
        send(() -> SseEmitter.event().comment("keep-alive"));
    }

    /** A builder per emitter: a built event cannot be sent twice. */
    private void send(Supplier<SseEmitter.SseEventBuilder> event) {
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(event.get());
            } catch (IOException | IllegalStateException gone) {
                emitters.remove(emitter);
                emitter.completeWithError(gone);
            }
        }
    }

    /** Ends every open stream first, so that the graceful shutdown does not wait for them. */
    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        heartbeat.shutdownNow();
        disconnectAll();
    }
}
