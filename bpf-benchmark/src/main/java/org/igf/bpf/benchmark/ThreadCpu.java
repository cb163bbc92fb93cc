package org.igf.bpf.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time (user and system) that the threads of a JVM have used so far, summed by their part in
 * the application, from {@code /proc/<pid>/task/<tid>/stat} (Linux): the kernel knows each thread by
 * the first 15 characters of its Java name. Two samples around a measurement split the application's
 * CPU per operation (see {@link CpuTime}) into where it went: measured, where a profile's samples only
 * point. A thread that ended between the two samples is left out, one that started counts whole.
 */
record ThreadCpu(Map<Long, Sample> threads) {

    /** The parts, in the order the report lists them; a thread is in the first whose prefixes match its name. */
    enum Part {
        WEB("web", "the requests' threads (Tomcat, and all that a request does in its own thread)", "http-nio-"),
        INTAKE("intake", "the comment intake's committers (command, events, their transaction)", "comment-intake"),
        PROJECTIONS("projections", "the projections' processors and the event store's reader that feeds them",
                "EventProcessor[", "EmbeddedEventSt"),
        GC("gc", "the garbage collector", "GC Thread", "G1 "),
        JIT("jit", "the JIT compilers", "C1 CompilerThre", "C2 CompilerThre", "Sweeper thread"),
        OTHER("other", "every other thread (timers, Camunda's job executor, the pools' housekeepers, the VM)");

        final String id;
        final String what;
        private final List<String> prefixes;

        Part(String id, String what, String... prefixes) {
            this.id = id;
            this.what = what;
            this.prefixes = List.of(prefixes);
        }

        static Part of(String threadName) {
            for (Part part : values()) {
                if (part.prefixes.stream().anyMatch(threadName::startsWith)) {
                    return part;
                }
            }
            return OTHER;
        }
    }

    /** The unit of the times in {@code stat} (USER_HZ): 100 on Linux whatever the kernel's own tick, as getconf tells. */
    private static final long TICKS_PER_SECOND = ticksPerSecond();

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(answer) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    /** One thread's part and the CPU it has used so far. */
    record Sample(Part part, double millis) {
    }

    /** No threads: the sample of a process that is not there (or not this machine's to read). */
    static final ThreadCpu NONE = new ThreadCpu(Map.of());

    /** The threads of {@code pid} now; {@link #NONE} where {@code /proc} has no such process. */
    static ThreadCpu of(long pid) {
        Map<Long, Sample> threads = new HashMap<>();
        double ticksPerMilli = TICKS_PER_SECOND / 1000.0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    threads.put(Long.parseLong(task.getFileName().toString()), new Sample(Part.of(name), ticks / ticksPerMilli));
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while the sample was taken
                }
            }
        } catch (IOException noProc) {
            return NONE;
        }
        return new ThreadCpu(Map.copyOf(threads));
    }

    /** Each part's CPU from {@code earlier} to this sample, in milliseconds per operation. */
    Map<Part, Double> perOperation(ThreadCpu earlier, double operations) {
        Map<Part, Double> byPart = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            byPart.put(part, 0.0);
        }
        threads.forEach((tid, thread) -> {
            Sample before = earlier.threads.get(tid);
            byPart.merge(thread.part(), (thread.millis() - (before == null ? 0 : before.millis())) / operations, Double::sum);
        });
        return byPart;
    }
}
