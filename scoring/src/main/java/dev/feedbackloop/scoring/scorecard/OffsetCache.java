package dev.feedbackloop.scoring.scorecard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The UTC offset of a zone at an epoch second, from a small sorted cache of the intervals between the zone's
 * transitions, so that a lookup that hits allocates nothing. Not thread-safe (one per tally).
 */
final class OffsetCache {

    private static final int CAPACITY = 64;

    private final ZoneRules rules;
    private final boolean fixed;
    private final int fixedOffset;
    private final long[] starts = new long[CAPACITY];
    private final long[] ends = new long[CAPACITY];
    private final int[] offsets = new int[CAPACITY];
    private int size;

    OffsetCache(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /** Returns the offset in seconds at an instant given by its epoch second. */
    int offsetAt(long epochSecond) {
        if (fixed) {
            return fixedOffset;
        }
        // the last interval starting at or before epochSecond
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= epochSecond) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (hi >= 0 && epochSecond < ends[hi]) {
            return offsets[hi];
        }
        return miss(epochSecond);
    }

    private int miss(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        int offset = rules.getOffset(instant).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        long start = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        long end = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        if (size == CAPACITY) {
            size = 0;
        }
        int at = size;
        while (at > 0 && starts[at - 1] > start) {
            starts[at] = starts[at - 1];
            ends[at] = ends[at - 1];
            offsets[at] = offsets[at - 1];
            at--;
        }
        starts[at] = start;
        ends[at] = end;
        offsets[at] = offset;
        size++;
        return offset;
    }
}
