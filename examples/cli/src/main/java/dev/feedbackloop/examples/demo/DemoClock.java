package dev.feedbackloop.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The simulated clock of the demo: a fixed instant that the simulation moves forward event by event, so that the
 * library stamps every receipt, follow-up step and touch with simulated time and the run is deterministic.
 *
 * <p>Thread-safe (the instant is volatile); only the simulation thread moves it.
 */
final class DemoClock extends Clock {

    private volatile Instant now;

    DemoClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Moves the clock to an instant; never backwards. */
    void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("instant: " + instant + " is before the clock's " + now);
        }
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
