package org.igf.bpf.api.comment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits how many comments one client may submit: a token bucket per client of {@code capacity}
 * comments, refilled evenly over {@code period}. Kept in memory per node: with N nodes a client
 * can reach N times the limit, which still stops a flood from one source.
 */
@Component
public class CommentRateLimiter {

    private final int capacity;
    private final Duration period;
    private final Clock clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CommentRateLimiter(@Value("${bpf.comments.rate-limit.capacity:10}") int capacity,
                              @Value("${bpf.comments.rate-limit.period:PT1M}") Duration period, Clock clock) {
        this.capacity = capacity;
        this.period = period;
        this.clock = clock;
    }

    /** Takes one comment from the client's bucket, or says after how many seconds the next one is allowed. */
    public void acquire(String clientKey) {
        long now = clock.millis();
        if (buckets.size() > 100_000) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long waitMillis = buckets.computeIfAbsent(clientKey, key -> new Bucket(now)).take(now);
        if (waitMillis > 0) {
            throw new TooManyComments(Math.max(1, (waitMillis + 999) / 1000));
        }
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updatedAt;

        Bucket(long now) {
            this.updatedAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * millisPerToken());
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) / millisPerToken());
            updatedAt = now;
        }

        private double millisPerToken() {
            return (double) period.toMillis() / capacity;
        }
    }

    /** The client sent too many comments; it may try again after {@code retryAfterSeconds}. */
    public static class TooManyComments extends RuntimeException {
        private final long retryAfterSeconds;

        public TooManyComments(long retryAfterSeconds) {
            super("Too many comments from you; try again in " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
