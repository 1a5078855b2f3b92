package dev.feedbackloop.micrometer;

import dev.feedbackloop.core.FeedbackLoop;
import dev.feedbackloop.core.followup.DeadlineKind;
import dev.feedbackloop.core.followup.FollowUpCounts;
import dev.feedbackloop.core.followup.FollowUpMetrics;
import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures behind the gauges, read from the loop at most once per interval and shared by every gauge and registry.
 * Thread-safe: readers see the current snapshot without locking; one thread at a time refreshes it.
 *
 * <p>Each reading is two calls to the loop: {@link dev.feedbackloop.core.followup.FollowUpTracker#counts(Instant)}
 * (count queries with the JDBC store) and
 * {@link dev.feedbackloop.core.followup.FollowUpTracker#metricsBy(java.util.function.Function, Instant, Instant,
 * Instant)} over the coverage window, which reads only the follow-ups opened in the window (a range on an index of
 * the opening time with the JDBC store), never every stored follow-up.
 *
 * <p>Design note: the interval runs on the Micrometer clock's monotonic time, so that tests move it with a
 * {@code MockClock}; the figures are taken as of the loop's now. A refresh that fails is logged at WARN (with the
 * exception's type only: a store's message may quote data) and leaves a snapshot whose figures are unknown (NaN)
 * until the next interval, so that a failing database is asked once per interval too, not once per gauge.
 */
final class FollowUpSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackLoopMetrics.class);

    /** The follow-ups opened in the window of one policy: how many, and how many were contacted in time. */
    record Window(long needed, long onTime) {
    }

    /**
     * One reading of the loop; {@code known} false when it failed.
     *
     * @param counts the counts over every stored follow-up, or {@code null} when unknown
     * @param windowByPolicy the coverage window's follow-ups, by policy id
     */
    record Snapshot(boolean known, @Nullable FollowUpCounts counts, Map<String, Window> windowByPolicy) {

        static final Snapshot UNKNOWN = new Snapshot(false, null, Map.of());

        /** Every policy id the reading found follow-ups of. */
        Set<String> policies() {
            var policies = new TreeSet<>(windowByPolicy.keySet());
            if (counts != null) {
                policies.addAll(counts.openByPolicy().keySet());
                counts.overdueByPolicy().values().forEach(byPolicy -> policies.addAll(byPolicy.keySet()));
            }
            return policies;
        }

        double open(String policy) {
            return counts == null ? Double.NaN : counts.openByPolicy().getOrDefault(policy, 0L);
        }

        double overdue(String policy, DeadlineKind kind) {
            if (counts == null) {
                return Double.NaN;
            }
            Map<String, Long> byPolicy = counts.overdueByPolicy().get(kind);
            return byPolicy == null ? 0 : byPolicy.getOrDefault(policy, 0L);
        }

        double needed(String policy) {
            Window window = windowByPolicy.get(policy);
            return !known ? Double.NaN : window == null ? 0 : window.needed();
        }

        double onTime(String policy) {
            Window window = windowByPolicy.get(policy);
            return !known ? Double.NaN : window == null ? 0 : window.onTime();
        }

        double coverage(String policy) {
            Window window = windowByPolicy.get(policy);
            return !known || window == null || window.needed() == 0 ? Double.NaN
                    : (double) window.onTime() / window.needed();
        }
    }

    private final FeedbackLoop loop;
    private final Duration window;
    private final long intervalNanos;
    private final Clock clock;
    private final Consumer<Set<String>> policiesSeen;
    private volatile @Nullable Snapshot current;
    /** The monotonic time of the last refresh; written under {@code this}, read after {@link #current}. */
    private volatile long refreshedAt;

    FollowUpSnapshots(FeedbackLoop loop, Duration window, Duration interval, Clock clock,
                      Consumer<Set<String>> policiesSeen) {
        this.loop = loop;
        this.window = window;
        this.intervalNanos = interval.toNanos();
        this.clock = clock;
        this.policiesSeen = policiesSeen;
    }

    /** Returns the snapshot, refreshing it first if it is older than the interval. */
    Snapshot get() {
        Snapshot snapshot = current;
        if (snapshot != null && clock.monotonicTime() - refreshedAt < intervalNanos) {
            return snapshot;
        }
        Snapshot fresh;
        synchronized (this) {
            snapshot = current;
            if (snapshot != null && clock.monotonicTime() - refreshedAt < intervalNanos) {
                return snapshot;
            }
            fresh = read();
            refreshedAt = clock.monotonicTime();
            current = fresh;
        }
        // outside the lock: registering a gauge for a policy seen for the first time never waits on a refresh
        policiesSeen.accept(fresh.policies());
        return fresh;
    }

    private Snapshot read() {
        try {
            Instant asOf = loop.now();
            FollowUpCounts counts = loop.followUps().counts(asOf);
            // the window ends at now, inclusive: a follow-up opened at this very instant counts
            Map<String, FollowUpMetrics> byPolicy = loop.followUps().metricsBy(FollowUpMetrics.byPolicy(),
                    asOf.minus(window), asOf.plusNanos(1), asOf);
            var windows = new TreeMap<String, Window>();
            byPolicy.forEach((policy, metrics) ->
                    windows.put(policy, new Window(metrics.needed(), metrics.contactedWithinDeadline())));
            return new Snapshot(true, counts, windows);
        } catch (RuntimeException e) {
            LOG.warn("could not read the follow-up figures for the gauges ({}); they are unknown until the next"
                    + " refresh", e.getClass().getName());
            LOG.debug("gauge refresh failed", e);
            return Snapshot.UNKNOWN;
        }
    }
}
