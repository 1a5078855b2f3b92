package dev.feedbackloop.examples.webapp.programme;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The loop's clock: the system clock at microsecond precision (what SQL databases keep), which the demo data moves
 * into the past while it plays the weeks before the first start, then puts back. Thread-safe; moved only before the
 * application takes requests.
 */
public final class DemoClock extends Clock {

    private final Clock system = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private volatile Duration offset = Duration.ZERO;

    /**
     * Moves the clock to an instant; it runs on from there.
     *
     * @param instant the instant the clock shows now
     */
    public void travelTo(Instant instant) {
        offset = Duration.between(system.instant(), instant);
    }

    /** Puts the clock back to the system's time. */
    public void backToNow() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the demo clock runs in UTC");
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
