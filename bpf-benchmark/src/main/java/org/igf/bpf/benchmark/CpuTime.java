package org.igf.bpf.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU time (user and system) that the parties of a measurement have used so far: the JVM serving
 * the requests (the application, or the bare web foundation), the PostgreSQL server (its postmaster and
 * the live processes under it: backends, WAL writer, checkpointer, autovacuum) and this JVM (the 16
 * clients; for bare Camunda and bare Axon, the foundation itself). Two samples around a measurement
 * give each party's cost per operation: on cores that the parties share, their sum bounds the rate,
 * and a rate that falls short can be read as CPU to save per operation, and where. The server's
 * threads are sampled too, for where within it ({@link ThreadCpu}).
 * <p>
 * A PostgreSQL process that ended between the two samples (a short-lived autovacuum worker) is left
 * out; the pools keep their backends open, so the statements themselves are counted.
 */
record CpuTime(double serverMillis, ThreadCpu serverThreads, Map<Long, Double> databaseMillisByProcess, double driverMillis) {

    static CpuTime of(Long serverPid, long postmasterPid) {
        Map<Long, Double> database = new HashMap<>();
        ProcessHandle.of(postmasterPid).ifPresent(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())
                .forEach(process -> database.put(process.pid(), millisOf(Optional.of(process)))));
        return new CpuTime(serverPid == null ? 0 : millisOf(ProcessHandle.of(serverPid)),
                serverPid == null ? ThreadCpu.NONE : ThreadCpu.of(serverPid), Map.copyOf(database),
                millisOf(Optional.of(ProcessHandle.current())));
    }

    /**
     * Each party's CPU from {@code earlier} to this sample, in milliseconds per operation, and the
     * server's split by the part of it whose threads used it (see {@link ThreadCpu}).
     */
    record PerOperation(double server, double database, double driver, Map<ThreadCpu.Part, Double> serverByPart) {
        /** For the log: the server is the application, the driver the clients. */
        String describe() {
            return String.format(Locale.ROOT, "application %.2f ms, PostgreSQL %.2f ms, clients %.2f ms", server, database, driver);
        }

        /**
         * The share of the machine's cores that the three parties kept busy at this many operations per
         * second: under 100 %, the rate is held back by waiting (for the disk, for a lock, for a batch),
         * not by the CPU alone.
         */
        double coresBusy(double operationsPerSecond) {
            return (server + database + driver) * operationsPerSecond / 1000 / Runtime.getRuntime().availableProcessors() * 100;
        }

        /** For the log: the application's CPU by part. */
        String describeServerByPart() {
            StringBuilder text = new StringBuilder();
            serverByPart.forEach((part, millis) -> text.append(text.isEmpty() ? "" : ", ").append(part.id)
                    .append(String.format(Locale.ROOT, " %.3f ms", millis)));
            return text.toString();
        }
    }

    /**
     * What each party used from {@code earlier} to this sample, divided by the operations done in between. A
     * PostgreSQL process started in between counts whole.
     */
    PerOperation perOperation(CpuTime earlier, double operations) {
        double database = databaseMillisByProcess.entrySet().stream()
                .mapToDouble(process -> process.getValue() - earlier.databaseMillisByProcess.getOrDefault(process.getKey(), 0.0))
                .sum();
        return new PerOperation((serverMillis - earlier.serverMillis) / operations, database / operations,
                (driverMillis - earlier.driverMillis) / operations, serverThreads.perOperation(earlier.serverThreads, operations));
    }

    private static double millisOf(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).map(Duration::toNanos).map(nanos -> nanos / 1e6).orElse(Double.NaN);
    }
}
