package org.igf.bpf.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The README's faster start (Operations), prepared as an operator prepares it: the packaged jar extracted
 * ({@code java -Djarmode=tools -jar ... extract}), then one training start of the extracted jar that writes
 * the class-data archive of the classes it loaded and stops once ready ({@code bpf.startup.exit-when-ready}).
 * The training start and every faster start after it listen on {@code port}.
 */
record FasterStart(Path jar, Path archive, int port, double archiveMegabytes, double extractSeconds, double trainingSeconds) {

    /** Extracts {@code packagedJar} into {@code dir} and runs the training start there, with this environment (the database's settings). */
    static FasterStart prepare(Path packagedJar, Path dir, Path log, int port, Map<String, String> environment) throws IOException, InterruptedException {
        Database.deleteRecursively(dir);
        Files.createDirectories(dir);
        double extract = run(List.of(App.javaBinary(), "-Djarmode=tools", "-jar", packagedJar.toString(), "extract", "--destination", dir.toString()),
                log, Map.of());
        Path jar = dir.resolve(packagedJar.getFileName());
        Path archive = dir.resolve("bpf-api.jsa");
        Map<String, String> training = new HashMap<>(environment);
        training.put("PORT", String.valueOf(port));
        // the archive holds classes, not compiled code: the training start need not compile beyond C1
        double train = run(List.of(App.javaBinary(), App.HEAP, "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off",
                "-jar", jar.toString(), "--bpf.startup.exit-when-ready=true"), log, training);
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("the faster start's jar or archive is missing after its training start: " + jar + ", " + archive + "; see " + log);
        }
        return new FasterStart(jar, archive, port, Files.size(archive) / (1024.0 * 1024), extract, train);
    }

    /** The launch of every start after the training: the archive and the extracted jar, both by the same paths as in the training. */
    List<String> launch() {
        return List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
    }

    private static double run(List<String> command, Path log, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long began = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within 240 s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " exited with " + process.exitValue() + "; see " + log);
        }
        return (System.nanoTime() - began) / 1e9;
    }
}
