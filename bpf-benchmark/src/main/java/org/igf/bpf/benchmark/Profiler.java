package org.igf.bpf.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JFR recording of the application JVM around one measurement (jcmd JFR.start / JFR.stop), summarised by its top frames. */
final class Profiler {

    private final long pid;
    private final Path file;
    private final String name;

    private Profiler(long pid, Path file, String name) {
        this.pid = pid;
        this.file = file;
        this.name = name;
    }

    static Profiler start(long pid, Path dir, String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".jfr");
        Files.deleteIfExists(file);
        jcmd(pid, "JFR.start", "name=" + name, "settings=profile", "filename=" + file);
        return new Profiler(pid, file, name);
    }

    /** The JVM option that starts this recording at launch, so that it covers a JVM's start-up; stop it with {@link #launched}. */
    static String atLaunch(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".jfr");
        Files.deleteIfExists(file);
        return "-XX:StartFlightRecording=name=" + name + ",settings=profile,filename=" + file;
    }

    /** The recording {@link #atLaunch} started in the JVM with this pid. */
    static Profiler launched(long pid, Path dir, String name) {
        return new Profiler(pid, dir.resolve(name + ".jfr"), name);
    }

    Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + name);
        return file;
    }

    private static void jcmd(long pid, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(App.jcmdBinary(), String.valueOf(pid)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    /** The most sampled top frames, and the most sampled frames of the application's own code (org.igf) anywhere on the stack. */
    static String summary(Path file, String title) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        Map<String, Integer> waits = new HashMap<>();
        double waited = 0;
        int samples = 0;
        int loadingClasses = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.SocketRead") || type.equals("jdk.JavaMonitorEnter") || type.equals("jdk.ThreadPark")) {
                RecordedStackTrace stack = event.getStackTrace();
                String where = null;
                if (stack != null) {
                    for (RecordedFrame frame : stack.getFrames()) {
                        if (frame.getMethod().getType().getName().startsWith("org.igf.")) {
                            where = frame(frame);
                            break;
                        }
                    }
                }
                if (where != null) {
                    int millis = (int) event.getDuration().toMillis();
                    waits.merge(type.substring(4) + " in " + where, millis, Integer::sum);
                    waited += millis;
                }
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            top.merge(frame(frames.get(0)), 1, Integer::sum);
            for (RecordedFrame frame : frames) {
                if (frame.getMethod().getType().getName().startsWith("org.igf.")) {
                    own.merge(frame(frame), 1, Integer::sum);
                    break;
                }
            }
            layers.merge(layer(frames), 1, Integer::sum);
            if (frames.stream().anyMatch(Profiler::loadsClasses)) {
                loadingClasses++;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("**").append(title).append("** (").append(samples).append(" samples, ")
                .append(String.format(Locale.ROOT, "%.0f %% of them loading classes, ", 100.0 * loadingClasses / Math.max(1, samples)))
                .append(file.getFileName()).append(")\n\n");
        out.append("| top frame | share |\n|---|---:|\n");
        append(out, top, samples, 10);
        out.append("\n| layer (first recognised package from the top of the stack) | share |\n|---|---:|\n");
        append(out, layers, samples, 8);
        out.append("\n| innermost application frame (org.igf) | share |\n|---|---:|\n");
        append(out, own, samples, 8);
        out.append("\n| waiting (JFR socket reads, i.e. JDBC round trips, monitor enters and parks over their thresholds) in request or processor threads, by innermost application frame | ms in all | share |\n|---|---:|---:|\n");
        final double total = waited;
        waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(8)
                .forEach(entry -> out.append("| `").append(entry.getKey()).append("` | ").append(String.format(Locale.ROOT, "%,d", entry.getValue()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f %%", 100.0 * entry.getValue() / Math.max(1, total))).append(" |\n"));
        return out.toString();
    }

    /** A class loader finding, reading or defining a class (a JVM's start-up is mostly that). */
    private static boolean loadsClasses(RecordedFrame frame) {
        String method = frame.getMethod().getName();
        return frame.getMethod().getType().getName().endsWith("ClassLoader")
                && (method.equals("loadClass") || method.equals("findClass") || method.startsWith("defineClass"));
    }

    private static void append(StringBuilder out, Map<String, Integer> counts, int samples, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(limit)
                .forEach(entry -> out.append("| `").append(entry.getKey()).append("` | ")
                        .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * entry.getValue() / Math.max(1, samples))).append(" |\n"));
    }

    private static String frame(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static final String[][] LAYERS = {
            {"org.postgresql.", "PostgreSQL JDBC driver"},
            {"com.zaxxer.hikari.", "HikariCP"},
            {"org.camunda.", "Camunda"},
            {"org.apache.ibatis.", "Camunda (MyBatis)"},
            {"org.axonframework.", "Axon"},
            {"com.fasterxml.jackson.", "Jackson"},
            {"org.springframework.security.", "Spring Security"},
            {"org.springframework.", "Spring"},
            {"org.apache.catalina.", "Tomcat"},
            {"org.apache.tomcat.", "Tomcat"},
            {"org.apache.coyote.", "Tomcat"},
            {"org.igf.", "application (org.igf)"},
            {"java.util.regex.", "JDK regex"},
            {"java.", "JDK"},
            {"jdk.", "JDK"},
            {"sun.", "JDK"},
    };

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (String[] layer : LAYERS) {
                if (type.startsWith(layer[0]) && !layer[0].startsWith("java.") && !layer[0].startsWith("jdk.") && !layer[0].startsWith("sun.")) {
                    return layer[1];
                }
            }
        }
        return "JDK / other";
    }
}
