package org.igf.bpf.benchmark;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment intake's meters as the application's {@code /actuator/prometheus} shows them (totals
 * since its start): two scrapes around a measurement say how many batches the intake committed in
 * between, with how many comments each, and how long a batch took to commit. A comment request waits
 * for its batch, so these tell whether P2's rate is held back by the one batch per forum in flight.
 */
record IntakeMeters(double batches, double comments, double commitSeconds, double conflicts) {

    static IntakeMeters scrape(Http http) {
        Http.Answer answer = http.get("/actuator/prometheus", Http.SECRETARIAT);
        if (answer.status() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + answer.status());
        }
        String text = answer.body();
        return new IntakeMeters(value(text, "bpf_comments_intake_batch_size_count"), value(text, "bpf_comments_intake_batch_size_sum"),
                value(text, "bpf_comments_intake_commit_seconds_sum{outcome=\"committed\"}"), value(text, "bpf_comments_intake_conflicts_total"));
    }

    /** What the intake did from {@code earlier} to this scrape. */
    IntakeMeters since(IntakeMeters earlier) {
        return new IntakeMeters(batches - earlier.batches, comments - earlier.comments, commitSeconds - earlier.commitSeconds,
                conflicts - earlier.conflicts);
    }

    double commentsPerBatch() {
        return comments / batches;
    }

    double millisPerCommit() {
        return commitSeconds * 1000 / batches;
    }

    /** For the log. */
    String describe() {
        return String.format(Locale.ROOT, "%.0f batches of %.1f comments on average, %.2f ms to commit one, %.0f run again after a lost race",
                batches, commentsPerBatch(), millisPerCommit(), conflicts);
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(scrape);
        if (!line.find()) {
            throw new IllegalStateException("No " + series + " in the application's Prometheus scrape");
        }
        return Double.parseDouble(line.group(1));
    }
}
