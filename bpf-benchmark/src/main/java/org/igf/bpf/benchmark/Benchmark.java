package org.igf.bpf.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import static org.igf.bpf.benchmark.Http.COORDINATOR;
import static org.igf.bpf.benchmark.Http.SECRETARIAT;
import static org.igf.bpf.benchmark.Http.json;
import static org.igf.bpf.benchmark.Report.Target.AT_LEAST;
import static org.igf.bpf.benchmark.Report.Target.AT_MOST;
import static org.igf.bpf.benchmark.Report.Target.EVERY_AT_MOST;
import static org.igf.bpf.benchmark.Report.Target.RATIO_AT_LEAST;

/**
 * The benchmark: the application (its packaged jar, in its own JVM) against raw JDBC, bare Camunda and bare
 * Axon on the same PostgreSQL server in the same run. Arguments: {@code quick} (default) or {@code full}.
 */
public final class Benchmark {

    static final int CLIENTS = 16;
    /** Issue 7's start-up targets: seconds from launch to healthy, and megabytes of heap in use after start. */
    static final double P5_START_AT_MOST = 15;
    static final double P5_HEAP_AT_MOST = 256;
    static final int CYCLE = 2015;
    static final int DASHBOARD_CYCLE = 2016;
    static final double REBUILD_TARGET = 20_000;
    static final String APP_DB = "bpf";

    /**
     * How long and how much each part runs. {@code baselineWarmUpSeconds}: how long bare Camunda and the bare web
     * stack run before they are measured (raw JDBC and bare Axon, whose code paths are short, a quarter of it);
     * {@code commentWarmUpSeconds} and {@code applicationWarmUpSeconds}: how long the application takes comments into an
     * untimed consultation, then runs P1's work, before anything of it is measured (see {@code warmUpApplication}).
     * {@code jarStarts}: P5's starts by {@code java -jar} of the packaged jar (the first on the schema the faster start's
     * training start created, the others restarts); {@code starts}: P5's starts by the README's faster start;
     * {@code runTimeLimitSeconds}: the limit for the whole run, which the report judges as {@code run-time}.
     */
    record Mode(String name, int repeats, double baselineSeconds, int forumsPerRepeat, double pacedSeconds, int commentSeconds,
                long rebuildEvents, List<String> rebuilt, int catchUpSeconds, int dashboardRequests, int historyRequests,
                int baselineWarmUpSeconds, int applicationWarmUpSeconds, int commentWarmUpSeconds, int jarStarts, int starts, int runTimeLimitSeconds) {
    }

    private final Mode mode;
    private final Path dir;
    private final Path jar;
    private final Report report = new Report();
    private final Map<String, Path> recordings = new LinkedHashMap<>();
    private Database database;
    private Map<String, String> environment;
    private FasterStart fasterStart;
    private App app;
    private Http http;

    private Benchmark(Mode mode, Path dir, Path jar) {
        this.mode = mode;
        this.dir = dir;
        this.jar = jar;
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "quick" : args[0].trim().toLowerCase(Locale.ROOT);
        Mode mode = switch (name) {
            // P5: one start by java -jar (the first), two faster starts after the training start; 2 s of paced
            // transitions: with more starts and 2.5 s, a run on a slow machine took 315 s
            case "quick" -> new Mode("quick", 3, 1.5, 60, 2, 10, 100_000, List.of("dashboard"), 240, 30, 5, 10, 15, 5, 1, 2, 300);
            // three repeats too: with five, the rebuilds of a million events alone took most of 20 minutes
            case "full" -> new Mode("full", 3, 4, 300, 4, 30, 1_000_000, List.of("dashboard", "forum-views"), 900, 150, 20, 30, 120, 60, 3, 3, 1_200);
            default -> throw new IllegalArgumentException("mode is quick or full, not " + name);
        };
        Path jar = Path.of(System.getProperty("bpf.jar", "bpf-api/target/bpf-api.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Package the application first (./mvnw -B -DskipTests package): " + jar + " is missing");
        }
        Path dir = Path.of(System.getProperty("bpf.benchmark.dir", "target")).toAbsolutePath();
        Files.createDirectories(dir.resolve("run"));
        Files.deleteIfExists(dir.resolve("run").resolve("app.log"));
        int status = 0;
        Benchmark benchmark = new Benchmark(mode, dir, jar);
        Thread cleanup = new Thread(benchmark::close, "benchmark-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C: stop the application and PostgreSQL too
        try {
            benchmark.run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        } finally {
            benchmark.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        System.exit(status);
    }

    private void run() throws Exception {
        long began = System.nanoTime();
        log("mode %s: %d repeats; the run's files are under %s", mode.name, mode.repeats, dir.resolve("run"));
        database = new Database(dir.resolve("run"));
        log("PostgreSQL on port %d: fsync=%s synchronous_commit=%s", database.port(), database.show("fsync"), database.show("synchronous_commit"));

        baselines();
        createApplicationDatabase();
        prepareFasterStart();
        startApplication();
        p1AndP3Lag();
        p2();
        p4Dashboard();
        p3Rebuild();
        p4History();
        profiledRuns();
        p5();

        targets();
        profiles();
        report.add("run-time", "the benchmark's run, from its start to its report (the build and Maven's start not included)", "s",
                (System.nanoTime() - began) / 1e9);
        report.target("run-time", AT_MOST, mode.runTimeLimitSeconds);
        Map<String, String> machine = machine(began);
        StringBuilder header = new StringBuilder("### Benchmark, " + mode.name + " mode\n\n");
        machine.forEach((key, value) -> header.append("- ").append(key).append(": ").append(value).append('\n'));
        report.write(dir, header.toString().strip(), machine);
        System.out.println();
        System.out.println(report.markdown(header.toString().strip()));
        System.out.println("Written: " + dir.resolve("benchmark.md") + " and " + dir.resolve("benchmark.json"));
    }

    // ---------------------------------------------------------------- baselines

    private void baselines() throws Exception {
        try (Baselines.RawJdbc raw = new Baselines.RawJdbc(database)) {
            warmedUp("raw JDBC", Baselines.warmUp(CLIENTS, mode.baselineWarmUpSeconds / 4.0, raw::insert));
            for (int r = 0; r < mode.repeats; r++) {
                report.add("B-jdbc-1", "raw JDBC insert+commit of a 270-byte JSON row, 1 thread", "rows/s", Baselines.rate(1, mode.baselineSeconds, raw::insert));
                Measured run = measured(null, raw::insert);
                report.add("B-jdbc-16", "raw JDBC insert+commit of a 270-byte JSON row, 16 threads", "rows/s", run.rate());
                report.add("B-jdbc-16-db", "raw JDBC, 16 threads: PostgreSQL's CPU per row", "ms", run.cpu().database());
            }
        }
        log("raw JDBC: %s rows/s (1 thread), %s rows/s (16 threads)", num("B-jdbc-1"), num("B-jdbc-16"));
        try (Baselines.BareCamunda camunda = new Baselines.BareCamunda(database)) {
            report.add("B-camunda-start", "bare Camunda engine build (schema creation, deployment)", "s", camunda.startSeconds);
            warmedUp("bare Camunda", Baselines.warmUp(CLIENTS, mode.baselineWarmUpSeconds, camunda::startAndComplete));
            for (int r = 0; r < mode.repeats; r++) {
                report.add("B-camunda-1", "bare Camunda, history full: start a one-task process, complete the task, 1 thread", "ops/s",
                        Baselines.rate(1, mode.baselineSeconds, camunda::startAndComplete));
                Measured run = measured(null, camunda::startAndComplete);
                report.add("B-camunda-16", "bare Camunda, history full: start a one-task process, complete the task, 16 threads", "ops/s", run.rate());
                report.add("B-camunda-16-cpu", "bare Camunda, 16 threads: CPU per operation of the JVM that runs the engine (and the 16 threads)", "ms",
                        run.cpu().driver());
                report.add("B-camunda-16-db", "bare Camunda, 16 threads: PostgreSQL's CPU per operation", "ms", run.cpu().database());
            }
        }
        log("bare Camunda: %s ops/s (1 thread), %s ops/s (16 threads)", num("B-camunda-1"), num("B-camunda-16"));
        try (Baselines.BareAxon axon = new Baselines.BareAxon(database)) {
            warmedUp("bare Axon", Baselines.warmUp(CLIENTS, mode.baselineWarmUpSeconds / 4.0, axon::command));
            for (int r = 0; r < mode.repeats; r++) {
                report.add("B-axon-1", "bare Axon (JDBC event store): one command appends one event, 1 thread", "commands/s",
                        Baselines.rate(1, mode.baselineSeconds, axon::command));
                report.add("B-axon-16", "bare Axon (JDBC event store): one command appends one event, 16 threads", "commands/s",
                        Baselines.rate(CLIENTS, mode.baselineSeconds, axon::command));
            }
        }
        log("bare Axon: %s commands/s (1 thread), %s commands/s (16 threads)", num("B-axon-1"), num("B-axon-16"));
        bareWeb();
    }

    /** The web stack alone: what 16 clients get from Tomcat, Spring MVC and Jackson when a request does no work. */
    private void bareWeb() throws Exception {
        App web = App.bareWeb(dir.resolve("run").resolve("bare-web.log"), freePort());
        try {
            web.start();
            Http client = new Http(web.base());
            String comment = json("author", "Client", "text", "Comment " + "x".repeat(120));
            // a request on a kept-alive connection that the server closed before answering (an IOException, status -1)
            // is sent again once: nothing is stored here, and one such answer in a million must not end the whole run
            AtomicInteger resent = new AtomicInteger();
            Baselines.Operation post = () -> {
                Http.Answer answer = client.post("/comments", null, comment);
                if (answer.status() == -1) {
                    resent.incrementAndGet();
                    answer = client.post("/comments", null, comment);
                }
                check(answer, 201, "a comment to the bare web foundation");
            };
            warmedUp("bare web", Baselines.warmUp(CLIENTS, mode.baselineWarmUpSeconds, post));
            for (int r = 0; r < mode.repeats; r++) {
                Measured run = measured(web.pid(), post);
                report.add("B-web-16", "bare web (Spring Boot's Tomcat, Spring MVC, Jackson; own JVM, " + App.HEAP + "; no security, no database): "
                        + "a comment POSTed and answered 201, doing nothing, 16 clients", "requests/s", run.rate());
                report.add("B-web-16-cpu", "bare web, 16 clients: CPU of its JVM per request", "ms", run.cpu().server());
            }
            if (resent.get() > 0) {
                report.note("B-web-16: " + resent.get() + " requests got no answer (the connection closed) and were sent again once; each counts once.");
            }
        } finally {
            web.stop();
        }
        log("bare web: %s requests/s (16 clients)", num("B-web-16"));
    }

    /** The CPU time used so far by this server JVM (null: none), PostgreSQL and this JVM. */
    private CpuTime cpu(Long serverPid) {
        return CpuTime.of(serverPid, database.postmasterPid());
    }

    /** A baseline's rate from 16 threads and what it cost each party per operation. */
    private record Measured(double rate, CpuTime.PerOperation cpu) {
    }

    private Measured measured(Long serverPid, Baselines.Operation operation) throws Exception {
        CpuTime before = cpu(serverPid);
        Baselines.Run run = Baselines.run(CLIENTS, mode.baselineSeconds, operation);
        return new Measured(run.rate(), cpu(serverPid).perOperation(before, run.operations()));
    }

    private static void warmedUp(String what, List<Long> rounds) {
        log("%s warmed up for %d s; its rate second by second: %s", what, rounds.size(), rounds);
    }

    // ---------------------------------------------------------------- the application

    private void startApplication() throws Exception {
        app = new App(jar, dir.resolve("run").resolve("app.log"), freePort(), environment);
        startAndMeasure(JAR_START, "first start, on the schema the training start created");
        http = new Http(app.base());
    }

    /** How P5 launched the application: its figures' ids and what they say of the launch. */
    private record Launch(String suffix, String what) {
    }

    private static final Launch JAR_START = new Launch("-jar", "java -jar of the packaged jar");
    private static final Launch FASTER_START = new Launch("", "the faster start (README, Operations: the jar extracted, its class-data archive)");

    private void startAndMeasure(Launch launch, String what) throws Exception {
        double seconds = app.start();
        Http client = new Http(app.base());
        Http.Answer heap = client.get("/actuator/metrics/jvm.memory.used?tag=area:heap", SECRETARIAT);
        double megabytes = heap.status() == 200 ? heap.json().get("measurements").get(0).get("value").asDouble() / (1024 * 1024) : Double.NaN;
        report.add("P5-start" + launch.suffix, "start-up, " + launch.what + ": launch to /actuator/health 200", "s", seconds);
        report.add("P5-heap" + launch.suffix, "heap in use after start, " + launch.what + " (jvm.memory.used, area heap; " + App.HEAP + ")", "MB", megabytes);
        report.baseline("P5-start" + launch.suffix, "B-camunda-start");
        log("application started in %.1f s (its log: %.1f s; %s, %s), heap in use %.0f MB", seconds, app.loggedStartSeconds(), launch.what, what, megabytes);
    }

    private String createForum(String topic) {
        Http.Answer created = http.post("/api/forums", SECRETARIAT, json("cycle", CYCLE, "topic", topic, "coordinators", List.of("coordinator")));
        check(created, 201, "open a forum");
        String forum = created.json().get("id").asText();
        for (String[] expert : new String[][]{{"Ana", "GOVERNMENT"}, {"Ben", "CIVIL_SOCIETY"}, {"Chen", "TECHNICAL_COMMUNITY"}}) {
            check(http.post("/api/forums/" + forum + "/experts", COORDINATOR, json("name", expert[0], "stakeholderGroup", expert[1])), 201, "add an expert");
        }
        return forum;
    }

    private String forumInConsultation(String topic, Instant closesAt) {
        String forum = createForum(topic);
        check(http.post("/api/forums/" + forum + "/advance", COORDINATOR, json("from", "EXPERT_RECRUITMENT")), 200, "advance");
        check(http.post("/api/forums/" + forum + "/advance", COORDINATOR, json("from", "DISCUSSION")), 200, "advance");
        check(http.post("/api/forums/" + forum + "/drafts", COORDINATOR, json("title", "Draft", "text", "One.\n\nTwo.")), 201, "add a draft");
        check(http.post("/api/forums/" + forum + "/advance", COORDINATOR, json("from", "DRAFTING", "consultationClosesAt", closesAt.toString())), 200, "open the consultation");
        return forum;
    }

    // ---------------------------------------------------------------- P1 and P3 (lag)

    private void p1AndP3Lag() throws Exception {
        double pacedRate = report.figure("B-camunda-16", "", "").median();
        int pacedForums = (int) Math.ceil(pacedRate * mode.pacedSeconds / 2);
        // one more batch than the repeats, for the profiled run (see profiledRuns)
        int total = (mode.repeats + 1) * mode.forumsPerRepeat + mode.repeats * pacedForums;
        long prepared = System.nanoTime();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            numbers.add(i);
        }
        List<String> forums = parallel(numbers, i -> createForum("Benchmark forum " + i));
        log("P1: %d forums prepared (each opened with a coordinator and 3 experts of 3 groups) in %.1f s", total, (System.nanoTime() - prepared) / 1e9);
        awaitDashboardRows(CYCLE, total, 120);
        warmUpApplication(); // right before the measured runs: opening the forums above is not P1's work
        for (int r = 0; r < mode.repeats; r++) {
            p1Once(forums.subList(r * mode.forumsPerRepeat, (r + 1) * mode.forumsPerRepeat), null);
        }
        p1ProfiledForums = forums.subList(mode.repeats * mode.forumsPerRepeat, (mode.repeats + 1) * mode.forumsPerRepeat);
        List<String> paced = forums.subList((mode.repeats + 1) * mode.forumsPerRepeat, forums.size());
        for (int r = 0; r < mode.repeats; r++) {
            p1PacedOnce(paced.subList(r * pacedForums, (r + 1) * pacedForums), pacedRate);
        }
        report.note(String.format(Locale.ROOT, "P1 paced: transitions sent at the rate of B-camunda-16 of this run (%.1f/s), each at its scheduled "
                + "instant by one of %d clients; latency counts from the scheduled instant (a request that had to wait for a free client "
                + "counts its wait), so a server slower than that rate shows as growing latency, not as a lower rate.", pacedRate, CLIENTS));
    }

    /**
     * Runs the application before anything of it is measured, as the foundations are: first comments into an
     * untimed consultation for {@code commentWarmUpSeconds} (P2's work), then rounds of opening a batch of forums
     * and advancing each of them twice for {@code applicationWarmUpSeconds} (P1's). The comments come first: at
     * about five times P1's rate of requests they run the web stack that both share far more often (the README's
     * benchmark section has what the runs showed). Its figures are logged, not reported; the consultation's
     * lost and late comments are.
     */
    private void warmUpApplication() throws Exception {
        long began = System.nanoTime();
        p2Consultation("Benchmark consultation, warm-up", mode.commentWarmUpSeconds, "warm-up", false);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(mode.applicationWarmUpSeconds);
        int forums = 0;
        for (int round = 0; System.nanoTime() < until; round++) {
            int batch = round;
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < mode.forumsPerRepeat; i++) {
                numbers.add(i);
            }
            p1Once(parallel(numbers, i -> createForum("Warm-up forum " + batch + "." + i)), "warm-up round " + round);
            forums += numbers.size();
        }
        report.note(String.format(Locale.ROOT, "Warm-up: bare Camunda and the bare web stack ran for %d s (raw JDBC and bare Axon %d s) before they were measured, and "
                + "the application for %.0f s: %d s of comments into an untimed consultation (P2's work), then %d forums opened and "
                + "advanced twice (P1's): the JIT compiles a JVM's hot code only "
                + "after running it for a while, and a figure taken before that measures the compiler. The log shows each warm-up's "
                + "rates.", mode.baselineWarmUpSeconds, Math.round(mode.baselineWarmUpSeconds / 4.0), (System.nanoTime() - began) / 1e9,
                mode.commentWarmUpSeconds, forums));
    }

    /**
     * P1 at a given rate (open loop): transition i is due at start + i / rate; the latency counts from
     * that instant, so queueing behind a slow server is measured, not hidden.
     */
    private void p1PacedOnce(List<String> forums, double rate) throws Exception {
        List<String[]> items = new ArrayList<>();
        forums.forEach(forum -> items.add(new String[]{forum, "EXPERT_RECRUITMENT"}));
        forums.forEach(forum -> items.add(new String[]{forum, "DISCUSSION"}));
        AtomicInteger next = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long interval = (long) (1e9 / rate);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < items.size()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    String[] item = items.get(i);
                    Http.Answer answer = http.post("/api/forums/" + item[0] + "/advance", COORDINATOR, json("from", item[1]));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 200) {
                        latencies.add((answer.endNanos() - due) / 1e6);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        int ok = statuses.getOrDefault(200, 0);
        report.add("P1-paced-rate", "P1 paced: transitions offered at the B-camunda-16 rate, answered 200 per second", "transitions/s", ok / seconds);
        report.add("P1-paced-p50", "P1 paced at the B-camunda-16 rate: latency p50 (from the scheduled instant)", "ms", Stats.percentile(latencies, 50));
        report.add("P1-paced-p99", "P1 paced at the B-camunda-16 rate: latency p99 (from the scheduled instant)", "ms", Stats.percentile(latencies, 99));
        report.baseline("P1-paced-rate", "B-camunda-16");
        log("P1 paced at %.1f/s: %d transitions in %.1f s (answers by status %s); p50 %.1f ms, p99 %.1f ms",
                rate, ok, seconds, statuses, Stats.percentile(latencies, 50), Stats.percentile(latencies, 99));
        if (ok != items.size()) {
            report.note("P1 paced repeat: " + ok + " of " + items.size() + " transitions answered 200; answers by status " + statuses);
        }
    }

    /** One run of P1 over these forums; {@code unreported} non-null (what the run is for): logged but not reported. */
    private void p1Once(List<String> forums, String unreported) throws Exception {
        boolean measured = unreported == null;
        ConcurrentLinkedQueue<String[]> work = new ConcurrentLinkedQueue<>();
        forums.forEach(forum -> work.add(new String[]{forum, "EXPERT_RECRUITMENT", "DISCUSSION"}));
        forums.forEach(forum -> work.add(new String[]{forum, "DISCUSSION", "DRAFTING"}));
        Map<String, Long> pending = new ConcurrentHashMap<>(); // forum:stage -> nanos the answer arrived
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread poller = new Thread(() -> pollLag(pending, lags, loading), "lag-poller");
        poller.start();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CpuTime cpuBefore = cpu(app.pid());
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                String[] item;
                while ((item = work.poll()) != null) {
                    Http.Answer answer = http.post("/api/forums/" + item[0] + "/advance", COORDINATOR, json("from", item[1]));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() == 200) {
                        latencies.add(answer.millis());
                        pending.put(item[0] + ":" + item[2], answer.endNanos());
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuTime cpuAfter = cpu(app.pid());
        clients.shutdown();
        loading.set(false);
        poller.join(60_000);
        int ok = statuses.getOrDefault(200, 0);
        CpuTime.PerOperation cpu = cpuAfter.perOperation(cpuBefore, ok);
        double coresBusy = cpu.coresBusy(ok / seconds);
        if (!measured) {
            log("P1 %s (not reported): %d transitions in %.1f s = %.0f/s (answers by status %s); CPU per transition: %s; "
                    + "the application's by part: %s; cores busy %.0f %%", unreported, ok, seconds, ok / seconds, statuses, cpu.describe(),
                    cpu.describeServerByPart(), coresBusy);
            return;
        }
        report.add("P1-cpu-app", "P1: the application JVM's CPU per transition", "ms", cpu.server());
        report.add("P1-cpu-db", "P1: PostgreSQL's CPU per transition (with the P3 lag poller's queries)", "ms", cpu.database());
        report.add("P1-cpu-clients", "P1: the 16 clients' CPU per transition (this JVM, with the P3 lag poller)", "ms", cpu.driver());
        addCoresBusy("P1", "", coresBusy);
        report.baseline("P1-cpu-app", "B-camunda-16-cpu");
        report.baseline("P1-cpu-db", "B-camunda-16-db");
        addCpuByPart("P1", "transition", cpu);
        report.add("P1-rate", "P1 stage transitions through the API (advance), 16 clients, " + forums.size() + " forums in flight", "transitions/s", ok / seconds);
        report.add("P1-p50", "P1 transition latency p50 (16 clients, saturated)", "ms", Stats.percentile(latencies, 50));
        report.add("P1-p95", "P1 transition latency p95 (16 clients, saturated)", "ms", Stats.percentile(latencies, 95));
        report.add("P1-p99", "P1 transition latency p99 (16 clients, saturated)", "ms", Stats.percentile(latencies, 99));
        report.add("P3-lag-p50", "P3 projection lag, answer to visible in dashboard_forum, under P1 load, p50", "ms", Stats.percentile(lags, 50));
        report.add("P3-lag-p99", "P3 projection lag under P1 load, p99", "ms", Stats.percentile(lags, 99));
        report.baseline("P1-rate", "B-camunda-16");
        report.baseline("P1-p50", "B-camunda-16-ms");
        log("P1: %d transitions in %.1f s = %.0f/s (answers by status %s); p50 %.1f ms, p99 %.1f ms; lag p50 %.0f ms, p99 %.0f ms (%d observed, %d not seen); "
                + "CPU per transition: %s; cores busy %.0f %%",
                ok, seconds, ok / seconds, statuses, Stats.percentile(latencies, 50), Stats.percentile(latencies, 99),
                Stats.percentile(lags, 50), Stats.percentile(lags, 99), lags.size(), pending.size(), cpu.describe(), coresBusy);
        if (ok != 2 * forums.size()) {
            report.note("P1 repeat: " + ok + " of " + 2 * forums.size() + " transitions answered 200; answers by status " + statuses);
        }
        if (!pending.isEmpty()) {
            report.note("P3: " + pending.size() + " transitions were not seen in dashboard_forum within 60 s of the end of the load");
        }
    }

    /** Polls dashboard_forum for the forums with an acknowledged transition not yet visible; a later stage makes earlier ones visible too. */
    private void pollLag(Map<String, Long> pending, List<Double> lags, AtomicBoolean loading) {
        long giveUp = Long.MAX_VALUE;
        try (Connection connection = database.connect(APP_DB);
             PreparedStatement statement = connection.prepareStatement("select forum_id, stage from dashboard_forum where forum_id = any(?)")) {
            while (true) {
                if (!loading.get() && giveUp == Long.MAX_VALUE) {
                    giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                }
                if ((!loading.get() && pending.isEmpty()) || System.nanoTime() > giveUp) {
                    return;
                }
                Set<String> forums = new java.util.HashSet<>();
                pending.keySet().forEach(key -> forums.add(key.substring(0, key.indexOf(':'))));
                if (!forums.isEmpty()) {
                    statement.setArray(1, connection.createArrayOf("varchar", forums.toArray()));
                    try (ResultSet rows = statement.executeQuery()) {
                        long now = System.nanoTime();
                        while (rows.next()) {
                            String forum = rows.getString(1);
                            String stage = rows.getString(2);
                            List<String> visible = stage.equals("DRAFTING") ? List.of("DISCUSSION", "DRAFTING")
                                    : stage.equals("DISCUSSION") ? List.of("DISCUSSION") : List.of();
                            for (String seen : visible) {
                                Long acknowledged = pending.remove(forum + ":" + seen);
                                if (acknowledged != null) {
                                    lags.add(Math.max(0, now - acknowledged) / 1e6);
                                }
                            }
                        }
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("lag poller", e);
        }
    }

    // ---------------------------------------------------------------- P2

    private String lastConsultation;

    private void p2() throws Exception {
        // the comment path was warmed up with the application (see warmUpApplication)
        for (int r = 0; r < mode.repeats; r++) {
            lastConsultation = p2Consultation("Benchmark consultation " + r, mode.commentSeconds, null, false);
        }
    }

    /**
     * Opens a consultation and runs P2 on it for {@code loadSeconds} up to its deadline (see {@link #p2Once}),
     * under a JFR recording when {@code profiled} (the opening is not recorded); answers the forum.
     */
    private String p2Consultation(String topic, int loadSeconds, String unreported, boolean profiled) throws Exception {
        // seconds to open the consultation (about 2 s) before the load is due; a later start shortens the load (see p2Once)
        Instant closesAt = Instant.now().plusSeconds(3 + loadSeconds).truncatedTo(ChronoUnit.SECONDS);
        String forum = forumInConsultation(topic, closesAt);
        Profiler profiler = profiled ? Profiler.start(app.pid(), dir, "p2-comments") : null;
        p2Once(forum, closesAt, loadSeconds, unreported);
        if (profiler != null) {
            recordings.put("P2", profiler.stop());
        }
        return forum;
    }

    /**
     * One P2 run: 16 clients comment from {@code dueSeconds} before the deadline until 2.5 s after it;
     * {@code unreported} non-null (what the run is for): its rate and latency are left out of the report, its
     * lost and late comments are not.
     */
    private void p2Once(String forum, Instant closesAt, int dueSeconds, String unreported) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.between(Instant.now(), closesAt).toNanos();
        long loadStart = deadline - TimeUnit.SECONDS.toNanos(dueSeconds);
        long loadEnd = deadline + TimeUnit.MILLISECONDS.toNanos(2500);
        while (System.nanoTime() < loadStart) {
            Thread.sleep(5);
        }
        double loadSeconds = (deadline - System.nanoTime()) / 1e9; // a run set up later than its load was due has less
        // the CPU of the parties from here to the deadline, against the requests answered in that time (see CpuTime),
        // and what the comment intake did in that time (its meters, scraped outside the CPU samples)
        IntakeMeters intakeBefore = IntakeMeters.scrape(http);
        CpuTime cpuBefore = cpu(app.pid());
        AtomicReference<CpuTime> cpuAtDeadline = new AtomicReference<>();
        AtomicReference<IntakeMeters> intakeAtDeadline = new AtomicReference<>();
        Thread deadlineSample = new Thread(() -> {
            for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left);
            }
            cpuAtDeadline.set(cpu(app.pid()));
            intakeAtDeadline.set(IntakeMeters.scrape(http));
        }, "p2-cpu-at-deadline");
        deadlineSample.start();
        AtomicInteger answeredBeforeDeadline = new AtomicInteger();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> lateAccepted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger beforeDeadline = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                for (int i = 0; System.nanoTime() < loadEnd; i++) {
                    Http.Answer answer = http.post("/api/forums/" + forum + "/comments", COORDINATOR,
                            json("author", "Client " + client, "text", "Comment " + client + "-" + i + " " + "x".repeat(120)));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    boolean answeredInTime = answer.endNanos() <= deadline;
                    if (answeredInTime) {
                        answeredBeforeDeadline.incrementAndGet();
                    }
                    if (answer.status() == 201) {
                        acknowledged.add(answer.json().get("id").asText());
                        if (answeredInTime) {
                            beforeDeadline.incrementAndGet();
                            latencies.add(answer.millis());
                        }
                        if (answer.startNanos() > deadline) {
                            lateAccepted.add(answer.json().get("id").asText());
                        }
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        clients.shutdown();
        deadlineSample.join();
        CpuTime.PerOperation cpu = cpuAtDeadline.get().perOperation(cpuBefore, answeredBeforeDeadline.get());
        double coresBusy = cpu.coresBusy(answeredBeforeDeadline.get() / loadSeconds);
        IntakeMeters intake = intakeAtDeadline.get().since(intakeBefore);
        List<String> stored = database.strings(APP_DB, "select convert_from(payload, 'UTF8')::json->>'commentId' from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'", forum);
        Set<String> missing = new java.util.HashSet<>(acknowledged);
        stored.forEach(missing::remove);
        double rate = beforeDeadline.get() / loadSeconds;
        if (unreported == null) {
            report.add("P2-rate", "P2 comments into one open consultation, 16 clients, " + mode.commentSeconds + " s", "comments/s", rate);
            report.add("P2-p99", "P2 comment latency p99", "ms", Stats.percentile(latencies, 99));
            report.add("P2-rate-web", "P2-rate again, against the bare web foundation: the share of its rate the comments reach", "comments/s", rate);
            report.baseline("P2-rate", "B-jdbc-16");
            report.baseline("P2-rate-web", "B-web-16");
            report.add("P2-cpu-app", "P2: the application JVM's CPU per comment request answered before the deadline", "ms", cpu.server());
            report.add("P2-cpu-db", "P2: PostgreSQL's CPU per comment request answered before the deadline", "ms", cpu.database());
            report.add("P2-cpu-clients", "P2: the 16 clients' CPU per comment request (this JVM)", "ms", cpu.driver());
            report.baseline("P2-cpu-app", "B-web-16-cpu");
            addCpuByPart("P2", "comment request", cpu);
            report.baseline("P2-cpu-db", "B-jdbc-16-db");
            addCoresBusy("P2", " before the deadline", coresBusy);
            report.add("P2-intake-batch", "P2: comments per batch that the comment intake committed before the deadline (its meters)", "comments",
                    intake.commentsPerBatch());
            report.add("P2-intake-commit", "P2: the comment intake's time to commit one batch before the deadline, mean (its meters)", "ms",
                    intake.millisPerCommit());
        }
        report.add("P2-lost", "P2 acknowledged comments not stored", "comments", missing.size());
        report.add("P2-unacked-stored", "P2 stored comments minus acknowledged ones (a failed answer whose comment was stored)", "comments", stored.size() - acknowledged.size());
        report.add("P2-late", "P2 comments accepted after the deadline (request sent after closesAt, answered 201)", "comments", lateAccepted.size());
        log("P2%s: %d comments acknowledged in the %.1f s before the deadline = %.0f/s, p99 %.1f ms; %d acknowledged in all, %d stored, %d lost, %d accepted after the deadline; answers by status %s; "
                        + "CPU per request before the deadline: %s; the application's by part: %s; cores busy %.0f %%; the intake before the deadline: %s",
                unreported == null ? "" : " " + unreported + " (rate not reported)", beforeDeadline.get(), loadSeconds, rate, Stats.percentile(latencies, 99), acknowledged.size(), stored.size(), missing.size(), lateAccepted.size(), statuses,
                cpu.describe(), cpu.describeServerByPart(), coresBusy, intake.describe());
        report.note("P2 " + (unreported == null ? "repeat" : unreported) + " on forum " + forum + ": answers by status " + statuses + ", " + acknowledged.size() + " acknowledged, " + stored.size() + " stored");
    }

    /** The share of the cores the parties kept busy over a measure's span (see {@link CpuTime.PerOperation#coresBusy}). */
    private void addCoresBusy(String measure, String span, double percent) {
        report.add(measure + "-cores-busy", measure + ": share of the machine's " + Runtime.getRuntime().availableProcessors()
                + " cores that the application, PostgreSQL and the clients kept busy" + span, "%", percent);
    }

    /** The application's CPU per operation by the part of it that used it (see {@link ThreadCpu}). */
    private void addCpuByPart(String measure, String operation, CpuTime.PerOperation cpu) {
        cpu.serverByPart().forEach((part, millis) -> report.add(measure + "-cpu-app-" + part.id,
                measure + ": the application's CPU per " + operation + " in " + part.what, "ms", millis));
    }

    // ---------------------------------------------------------------- P4

    private void p4Dashboard() throws Exception {
        // a cycle of its own, so that it holds exactly 1,000 forums however many P1 opened in CYCLE
        String template = database.strings(APP_DB, "select forum_id from dashboard_forum where cycle = ? and stage = 'DRAFTING' limit 1", CYCLE).get(0);
        long copies = 1000 - database.count(APP_DB, "select count(*) from dashboard_forum where cycle = ?", DASHBOARD_CYCLE);
        long started = System.nanoTime();
        copyForum(template, copies, DASHBOARD_CYCLE);
        log("P4: %d forums of cycle %d copied in SQL from the events of forum %s (%.1f s)", copies, DASHBOARD_CYCLE, template, (System.nanoTime() - started) / 1e9);
        report.note("P4: the dashboard's cycle " + DASHBOARD_CYCLE + " has 1,000 forums, copied in SQL from the events of an API-made forum in DRAFTING (INSERT ... SELECT into domain_event_entry under new forum ids, "
                + "the cycle in ForumCreated set to " + DASHBOARD_CYCLE + ", through the audit-chain trigger); the projections read them like any other events.");
        awaitDashboardRows(DASHBOARD_CYCLE, 1000, 180);
        String path = "/api/dashboard?cycle=" + DASHBOARD_CYCLE;
        check(http.get(path, null), 200, "the dashboard");
        for (int r = 0; r < mode.repeats; r++) {
            List<Double> api = new ArrayList<>();
            for (int i = 0; i < mode.dashboardRequests; i++) {
                Http.Answer answer = http.get(path, null);
                check(answer, 200, "the dashboard");
                api.add(answer.millis());
            }
            List<Double> raw = timeQuery("select forum_id, document from dashboard_forum where cycle = " + DASHBOARD_CYCLE + " order by forum_id", mode.dashboardRequests);
            report.add("B-sql-dashboard", "raw SQL: the 1,000 dashboard_forum rows of the cycle, p95", "ms", Stats.percentile(raw, 95));
            report.add("P4-dashboard-p95", "P4 GET /api/dashboard?cycle=" + DASHBOARD_CYCLE + " with 1,000 forums, p95", "ms", Stats.percentile(api, 95));
        }
        report.baseline("P4-dashboard-p95", "B-sql-dashboard");
        log("P4: dashboard p95 %s ms (raw SQL %s ms)", num("P4-dashboard-p95"), num("B-sql-dashboard"));
    }

    private void p4History() throws Exception {
        // a forum of its own, brought to exactly 10,000 events with comments copied from the last P2 forum
        // (P2 stores a number of comments that depends on the machine: more than 20,000 in full mode)
        String source = lastConsultation;
        String forum = forumInConsultation("Benchmark history", Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        long events = database.count(APP_DB, "select count(*) from domain_event_entry where aggregate_identifier = ?", forum);
        long comments = database.count(APP_DB, "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%.CommentSubmitted'", source);
        if (comments == 0) {
            throw new IllegalStateException("P2 stored no comment in " + source + ": nothing to build a long history from");
        }
        long more = Math.max(0, 10_000 - events);
        long last = database.count(APP_DB, "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?", forum);
        database.update(APP_DB, "with t as (select row_number() over (order by sequence_number) - 1 as i, * from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like '%.CommentSubmitted') "
                + "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "select gen_random_uuid()::text, ?, ? + g.n, t.type, t.time_stamp, t.payload_type, t.payload_revision, "
                + "convert_to(jsonb_set(replace(convert_from(t.payload, 'UTF8'), t.aggregate_identifier, ?)::jsonb, '{commentId}', to_jsonb(gen_random_uuid()::text))::text, 'UTF8'), "
                + "convert_to(replace(convert_from(t.meta_data, 'UTF8'), t.aggregate_identifier, ?), 'UTF8') "
                + "from generate_series(1, ?) g(n) join t on t.i = (g.n - 1) % ? order by g.n", source, forum, last, forum, forum, more, comments);
        long now = database.count(APP_DB, "select count(*) from domain_event_entry where aggregate_identifier = ?", forum);
        report.note("P4: the history forum " + forum + " has " + now + " events: " + events + " made through the API (opened, experts, "
                + "consultation), " + more + " CommentSubmitted events copied in SQL from the comments of P2's forum " + source
                + " under this forum's id, with new comment ids and sequence numbers.");
        String path = "/api/forums/" + forum + "/history";
        check(http.get(path, SECRETARIAT), 200, "the history");
        for (int r = 0; r < mode.repeats; r++) {
            List<Double> api = new ArrayList<>();
            for (int i = 0; i < mode.historyRequests; i++) {
                Http.Answer answer = http.get(path, SECRETARIAT);
                check(answer, 200, "the history");
                if (r == 0 && i == 0 && answer.json().size() != now) {
                    report.note("P4: the history answered " + answer.json().size() + " entries for " + now + " stored events");
                }
                api.add(answer.millis());
            }
            List<Double> raw = timeQuery("select sequence_number, payload_type, payload, meta_data, time_stamp from domain_event_entry where aggregate_identifier = '"
                    + forum + "' order by sequence_number", mode.historyRequests);
            report.add("B-sql-history", "raw SQL: the forum's " + now + " event rows, p95", "ms", Stats.percentile(raw, 95));
            report.add("P4-history-p95", "P4 GET /api/forums/{id}/history with " + now + " events, p95", "ms", Stats.percentile(api, 95));
        }
        report.baseline("P4-history-p95", "B-sql-history");
        log("P4: history p95 %s ms (raw SQL %s ms)", num("P4-history-p95"), num("B-sql-history"));
    }

    // ---------------------------------------------------------------- P3 rebuild

    private void p3Rebuild() throws Exception {
        long events = database.count(APP_DB, "select count(*) from domain_event_entry");
        String template = database.strings(APP_DB, "select forum_id from dashboard_forum where cycle = ? and stage = 'DRAFTING' limit 1", CYCLE).get(0);
        long templateSize = database.count(APP_DB, "select count(*) from domain_event_entry where aggregate_identifier = ?", template);
        long copies = Math.max(0, (mode.rebuildEvents - events + templateSize - 1) / templateSize);
        long started = System.nanoTime();
        for (long done = 0; done < copies; ) {
            long chunk = Math.min(10_000, copies - done);
            copyForum(template, chunk, CYCLE);
            done += chunk;
        }
        long total = database.count(APP_DB, "select count(*) from domain_event_entry");
        long maxIndex = database.count(APP_DB, "select max(global_index) from domain_event_entry");
        log("P3: %d events generated in SQL (%d copies of forum %s, %d events each) in %.1f s; the store holds %d events",
                copies * templateSize, copies, template, templateSize, (System.nanoTime() - started) / 1e9, total);
        report.note("P3: the rebuild replays " + total + " events; " + copies * templateSize + " of them were generated in SQL (INSERT ... SELECT of one API-made forum's "
                + templateSize + " events under new forum ids, in the application's JSON format and through its audit-chain trigger), the rest came through the API.");
        awaitCaughtUp(maxIndex, mode.catchUpSeconds);
        for (int r = 0; r < mode.repeats; r++) {
            long scanStart = System.nanoTime();
            long scanned = scan();
            report.add("B-sql-scan", "raw SQL: read every event row (payload and metadata) in global order", "events/s", scanned / ((System.nanoTime() - scanStart) / 1e9));
            for (String projection : mode.rebuilt) {
                double seconds = rebuild(projection, maxIndex);
                String id = "P3-rebuild-" + projection;
                report.add(id, "P3 rebuild of the " + projection + " read model from " + total + " events", "events/s", total / seconds);
                report.baseline(id, "B-sql-scan");
            }
        }
        boolean missed = mode.rebuilt.stream().anyMatch(projection -> report.figure("P3-rebuild-" + projection, "", "").median() < REBUILD_TARGET);
        if (missed) { // one more, under the profiler, not reported; only a missed target is explained by a profile
            Profiler profiler = Profiler.start(app.pid(), dir, "p3-rebuild");
            rebuild("dashboard", maxIndex);
            recordings.put("P3-rebuild", profiler.stop());
        }
        log("P3: rebuild of the dashboard %s events/s (raw scan %s events/s)", num("P3-rebuild-dashboard"), num("B-sql-scan"));
    }

    private long scan() throws Exception {
        try (Connection connection = database.connect(APP_DB)) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("select global_index, payload, meta_data from domain_event_entry order by global_index")) {
                statement.setFetchSize(1000);
                long rows = 0;
                long bytes = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        bytes += result.getBytes(2).length;
                        rows++;
                    }
                }
                connection.commit();
                return bytes >= 0 ? rows : 0;
            }
        }
    }

    private double rebuild(String projection, long maxIndex) throws Exception {
        long start = System.nanoTime();
        Http.Answer answer = http.post("/api/admin/projections/" + projection + "/rebuild", SECRETARIAT, "");
        check(answer, 202, "rebuild " + projection);
        boolean started = false;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
        while (System.nanoTime() < until) {
            JsonNode status = projection(projection);
            long position = status.path("position").isNull() ? -1 : status.path("position").asLong(-1);
            if (status.path("replaying").asBoolean() || position < maxIndex) {
                started = true;
            }
            // done when caught up at the last event; Axon keeps "replaying" set until a newer event than the reset point arrives
            if (started && status.path("caughtUp").asBoolean() && position >= maxIndex) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (!started && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(5)) {
                throw new IllegalStateException("the rebuild of " + projection + " never showed as replaying: " + status);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the rebuild of " + projection + " did not finish within 900 s");
    }

    private JsonNode projection(String name) {
        Http.Answer answer = http.get("/api/admin/projections", SECRETARIAT);
        check(answer, 200, "projections");
        for (JsonNode node : answer.json()) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        throw new IllegalStateException("no projection " + name + " in " + answer.body());
    }

    private void awaitCaughtUp(long maxIndex, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long started = System.nanoTime();
        while (System.nanoTime() < until) {
            Http.Answer answer = http.get("/api/admin/projections", SECRETARIAT);
            boolean all = answer.status() == 200;
            if (all) {
                for (JsonNode node : answer.json()) {
                    all &= node.path("caughtUp").asBoolean() && node.path("position").asLong(-1) >= maxIndex;
                }
            }
            if (all) {
                log("projections caught up with global index %d after %.1f s", maxIndex, (System.nanoTime() - started) / 1e9);
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the projections did not catch up within " + seconds + " s");
    }

    // ---------------------------------------------------------------- P5

    /** The application's empty database, and the environment every launch of the application gets to reach it. */
    private void createApplicationDatabase() throws SQLException {
        database.create(APP_DB);
        environment = Map.of(
                "BPF_DB_URL", database.url(APP_DB),
                "BPF_DB_USER", "postgres",
                "BPF_DB_PASSWORD", "",
                "BPF_DEMO_ACCOUNTS", "true",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    }

    /**
     * The faster start (P5), prepared as the README says before anything of the application runs: the jar
     * extracted, then the training start, which on the run's empty database creates the schema (Camunda's
     * tables, Flyway's migrations) as any first start does, and stops once ready, writing the archive. Nothing
     * else runs meanwhile.
     */
    private void prepareFasterStart() throws Exception {
        Path run = dir.resolve("run");
        fasterStart = FasterStart.prepare(jar, run.resolve("faster-start"), run.resolve("training.log"), freePort(), environment);
        log("faster start prepared: the jar extracted in %.1f s, its training start (on the empty database: schema created, ready, "
                        + "stopped, the archive written) took %.1f s; archive %.0f MB",
                fasterStart.extractSeconds(), fasterStart.trainingSeconds(), fasterStart.archiveMegabytes());
    }

    private void p5() throws Exception {
        for (int r = 1; r < mode.jarStarts; r++) {
            app.stop();
            startAndMeasure(JAR_START, "restart " + r + " on the existing schema, " + storedEvents() + " events stored");
        }
        app.stop();
        app = App.launched(fasterStart.launch(), dir.resolve("run").resolve("app.log"), fasterStart.port(), environment);
        for (int r = 1; r <= mode.starts; r++) {
            if (r > 1) {
                app.stop();
            }
            startAndMeasure(FASTER_START, "start " + r + " after the training start, " + storedEvents() + " events stored");
        }
        report.note(String.format(Locale.ROOT, "P5: %s. The faster start is prepared as the README says, before the application's first start: "
                        + "the jar extracted (%.1f s), one training start that creates the schema on the empty database (Camunda's 49 tables, "
                        + "Flyway's migrations), stops once ready and writes the class-data archive (%.1f s, %.0f MB), not counted. The first start "
                        + "by java -jar finds the schema with no events; every later start finds the run's events stored. "
                        + "The app JVM runs with %s (as bpf-cluster-tests); the baseline is the build of the bare Camunda engine in this JVM.",
                mode.jarStarts == 1 ? "one start by java -jar (the first), " + mode.starts + " faster starts"
                        : mode.jarStarts + " starts by java -jar, " + mode.starts + " faster starts",
                fasterStart.extractSeconds(), fasterStart.trainingSeconds(), fasterStart.archiveMegabytes(), App.HEAP));
        double startSeconds = report.figure("P5-start", "", "").median();
        double heapMegabytes = report.figure("P5-heap", "", "").median();
        if (startSeconds > P5_START_AT_MOST || heapMegabytes > P5_HEAP_AT_MOST) {
            // one more faster start, not counted, recorded from the JVM's launch (a recording slows a start-up down)
            app.stop();
            double seconds = app.start(List.of(Profiler.atLaunch(dir, "p5-start")));
            recordings.put("P5", Profiler.launched(app.pid(), dir, "p5-start").stop());
            log("application started in %.1f s under a recording from its launch (not counted)", seconds);
            report.note(String.format(Locale.ROOT, "P5 profiled start (the faster start): %.1f s to healthy under the recording, not counted.", seconds));
        }
    }

    private long storedEvents() throws SQLException {
        return database.count(APP_DB, "select count(*) from domain_event_entry");
    }

    // ---------------------------------------------------------------- targets, profiles, helpers

    private void targets() {
        report.figure("B-camunda-16-ms", "bare Camunda, 16 threads: mean time per operation per thread (16 / ops/s)", "ms")
                .values.addAll(report.figure("B-camunda-16", "", "").values.stream().map(rate -> CLIENTS * 1000.0 / rate).toList());
        report.target("P1-rate", RATIO_AT_LEAST, 1.0);
        report.target("P1-paced-p99", AT_MOST, 100);
        report.target("P2-rate", RATIO_AT_LEAST, 0.25);
        report.target("P2-lost", EVERY_AT_MOST, 0);
        report.target("P2-late", EVERY_AT_MOST, 0);
        report.target("P3-lag-p99", AT_MOST, 1000);
        report.target("P3-rebuild-dashboard", AT_LEAST, REBUILD_TARGET);
        if (report.has("P3-rebuild-forum-views")) {
            report.target("P3-rebuild-forum-views", AT_LEAST, REBUILD_TARGET);
        }
        report.target("P4-dashboard-p95", AT_MOST, 50);
        report.target("P4-history-p95", AT_MOST, 1000);
        report.target("P5-start", AT_MOST, P5_START_AT_MOST);
        report.target("P5-heap", AT_MOST, P5_HEAP_AT_MOST);
    }

    private List<String> p1ProfiledForums;

    /**
     * P1 and P2 once more each, under a JFR recording, after everything else was measured: the recording slows
     * the application down several times, and the runs right after one were slower still, each faster than
     * the one before, as when the JIT compiles code again (JFR instruments the JDK's socket and file classes).
     * Their rates and latencies are not reported; the profiled P2's lost and late comments are (a comment lost
     * under the profiler is lost all the same).
     */
    private void profiledRuns() throws Exception {
        Profiler p1 = Profiler.start(app.pid(), dir, "p1-transitions");
        p1Once(p1ProfiledForums, "profiled run");
        recordings.put("P1", p1.stop());
        // shorter than a measured run: a profile needs seconds of samples, not a measured run's length
        p2Consultation("Benchmark consultation, profiled", Math.max(5, mode.commentSeconds / 3), "profiled run", true);
    }

    private void profiles() throws Exception {
        Set<String> missed = new java.util.HashSet<>();
        report.missed().forEach(figure -> missed.add(figure.id));
        Map<String, List<String>> concerns = Map.of(
                "P1", List.of("P1-rate", "P1-paced-p99", "P3-lag-p99"),
                "P2", List.of("P2-rate", "P2-lost", "P2-late"),
                "P3-rebuild", List.of("P3-rebuild-dashboard", "P3-rebuild-forum-views"),
                "P5", List.of("P5-start", "P5-heap"));
        for (Map.Entry<String, Path> recording : recordings.entrySet()) {
            List<String> ids = concerns.getOrDefault(recording.getKey(), List.of()).stream().filter(missed::contains).toList();
            if (!ids.isEmpty()) {
                report.profile(Profiler.summary(recording.getValue(), "Profiled run of " + recording.getKey() + " (missed: " + String.join(", ", ids) + ")"));
            }
        }
    }

    private Map<String, String> machine(long began) throws Exception {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores (nproc)", String.valueOf(Runtime.getRuntime().availableProcessors()));
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        machine.put("memory", String.format(Locale.ROOT, "%.1f GiB", memory / (1024.0 * 1024 * 1024)));
        machine.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("PostgreSQL", database.strings("postgres", "show server_version").get(0) + " (embedded, fsync=" + database.show("fsync")
                + ", synchronous_commit=" + database.show("synchronous_commit") + ")");
        machine.put("repeats", String.valueOf(mode.repeats));
        machine.put("run time", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - began) / 1e9));
        machine.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return machine;
    }

    /**
     * Copies the events of one forum of {@link #CYCLE} under new forum ids (the id replaced in payload and
     * metadata) and in the given cycle, in one statement.
     */
    private void copyForum(String template, long copies, int cycle) throws Exception {
        if (copies <= 0) {
            return;
        }
        database.update(APP_DB, "with c as (select gen_random_uuid()::text as id from generate_series(1, ?)) "
                + "insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "select gen_random_uuid()::text, c.id, e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, "
                + "convert_to(replace(replace(convert_from(e.payload, 'UTF8'), e.aggregate_identifier, c.id), '\"cycle\":" + CYCLE + "', '\"cycle\":' || ?), 'UTF8'), "
                + "convert_to(replace(convert_from(e.meta_data, 'UTF8'), e.aggregate_identifier, c.id), 'UTF8') "
                + "from c cross join (select * from domain_event_entry where aggregate_identifier = ?) e order by c.id, e.sequence_number", copies, cycle, template);
    }

    private void awaitDashboardRows(int cycle, long rows, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (database.count(APP_DB, "select count(*) from dashboard_forum where cycle = ?", cycle) < rows) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("dashboard_forum did not reach " + rows + " forums of cycle " + cycle + " within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    private List<Double> timeQuery(String query, int times) throws Exception {
        List<Double> millis = new ArrayList<>();
        try (Connection connection = database.connect(APP_DB)) {
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                try (PreparedStatement statement = connection.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getBytes(2);
                    }
                }
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return millis;
    }

    private <T, R> List<R> parallel(List<T> items, Function<T, R> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static void check(Http.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + answer.status() + ": " + answer.body());
        }
    }

    private String num(String id) {
        return Report.number(report.figure(id, "", "").median());
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String format, Object... arguments) {
        System.out.printf("[benchmark %s] %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(Locale.ROOT, format, arguments));
    }

    private synchronized void close() {
        try {
            if (app != null) {
                app.stop();
                app = null;
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
        try {
            if (database != null) {
                database.close();
                database = null;
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
