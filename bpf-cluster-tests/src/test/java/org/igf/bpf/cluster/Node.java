package org.igf.bpf.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One application node: the packaged jar in its own JVM, on its own port, against the shared database. */
final class Node {

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    Node(String name, int port, Path jar, Path logDir, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.log = logDir.resolve(name + ".log");
        this.environment = environment;
    }

    String name() {
        return name;
    }

    String base() {
        return "http://localhost:" + port;
    }

    void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx384m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(180));
    }

    /** SIGKILL: no shutdown hook, no graceful close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    long pid() {
        return process.pid();
    }

    int health() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void awaitHealthy(Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (health() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + atMost + "; see " + log);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
