package dev.feedbackloop.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A test clock that stands still until told to move; thread-safe. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    private MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * Returns a clock standing at an instant.
     *
     * @param start the instant
     * @return the clock
     */
    public static MutableClock at(Instant start) {
        return new MutableClock(start);
    }

    /**
     * Returns a clock standing at an ISO-8601 instant.
     *
     * @param start the instant, for example {@code "2024-03-04T09:00:00Z"}
     * @return the clock
     */
    public static MutableClock at(String start) {
        return at(Instant.parse(start));
    }

    /**
     * Moves the clock forward.
     *
     * @param amount how far
     * @return the new instant
     */
    public Instant advance(Duration amount) {
        return now.updateAndGet(t -> t.plus(amount));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("MutableClock is UTC only");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
