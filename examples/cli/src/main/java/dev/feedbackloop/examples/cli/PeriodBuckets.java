package dev.feedbackloop.examples.cli;

import dev.feedbackloop.scoring.Period;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.jspecify.annotations.Nullable;

/**
 * The period bucket of an epoch second in a zone, without creating objects when the zone has a fixed offset (UTC,
 * the default); equal to {@link Period#bucket(Instant, ZoneId)}. Immutable and thread-safe.
 */
final class PeriodBuckets {

    private static final int SECONDS_PER_DAY = 86_400;

    private final Period period;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final @Nullable ZoneOffset fixed;

    PeriodBuckets(Period period, ZoneId zone) {
        this.period = period;
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    long bucket(long epochSecond) {
        ZoneOffset offset = fixed;
        if (offset == null) {
            return period.bucket(Instant.ofEpochSecond(epochSecond), zone);
        }
        return period.bucketOfEpochDay(Math.floorDiv(epochSecond + offset.getTotalSeconds(), SECONDS_PER_DAY));
    }
}
