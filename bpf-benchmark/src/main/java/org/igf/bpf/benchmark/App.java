package org.igf.bpf.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged application in its own JVM, against the benchmark's PostgreSQL (or the bare web foundation, {@link BareWeb}). */
final class App {

    static final String HEAP = "-Xmx384m";

    private final List<String> launch;
    private final String readyPath;
    private final Path log;
    private final int port;
    private final Map<String, String> environment;
    private Process process;
    private long logOffset;

    private App(List<String> launch, String readyPath, Path log, int port, Map<String, String> environment) {
        this.launch = launch;
        this.readyPath = readyPath;
        this.log = log;
        this.port = port;
        this.environment = environment;
    }

    App(Path jar, Path log, int port, Map<String, String> environment) {
        this(List.of("-jar", jar.toString()), "/actuator/health", log, port, environment);
    }

    /** The application launched by these JVM arguments (the class-data archive, {@code -jar} of the extracted jar: {@link FasterStart#launch()}). */
    static App launched(List<String> launch, Path log, int port, Map<String, String> environment) {
        return new App(launch, "/actuator/health", log, port, environment);
    }

    /** {@link BareWeb} on the benchmark's own class path, with the application's heap. */
    static App bareWeb(Path log, int port) {
        return new App(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classPath(), BareWeb.class.getName(),
                "--server.port=" + port), "/ready", log, port, Map.of());
    }

    /** The class path this JVM loaded the benchmark from: Maven's (exec:java runs it in a class loader of its own) or the JVM's. */
    private static String classPath() {
        if (App.class.getClassLoader() instanceof java.net.URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : loader.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    String base() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the JVM and waits until it answers 200 (the application: /actuator/health); returns the seconds from launch to healthy. */
    double start() throws IOException, InterruptedException {
        return start(List.of());
    }

    /** {@link #start()} with these options for the JVM as well (a recording from launch, say). */
    double start(List<String> jvmOptions) throws IOException, InterruptedException {
        logOffset = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of(javaBinary(), HEAP));
        command.addAll(jvmOptions);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        long launched = System.nanoTime();
        process = builder.start();
        Http http = new Http(base());
        long until = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(launch + " exited with " + process.exitValue() + "; see " + log);
            }
            if (http.get(readyPath, null).status() == 200) {
                return (System.nanoTime() - launched) / 1e9;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(launch + " did not become healthy within 240 s; see " + log);
    }

    /** "Started ... in X seconds" from the application's own log of the latest start, or NaN. */
    double loggedStartSeconds() throws IOException {
        String text = Files.readString(log);
        Matcher matcher = Pattern.compile("Started \\S+ in ([0-9.]+) seconds").matcher(text.substring((int) Math.min(logOffset, text.length())));
        double seconds = Double.NaN;
        while (matcher.find()) {
            seconds = Double.parseDouble(matcher.group(1));
        }
        return seconds;
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static String jcmdBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
    }
}
