package dev.feedbackloop.scoring.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An accumulator of the feedback that needed a response: whether someone contacted each customer, within the
 * SLA, how fast, and — against an as-of instant — which are overdue. The definitions are those of
 * {@link LoopSummary}.
 *
 * <p>Which rows need a response is the caller's decision: add only those. The as-of instant may be unknown until
 * the end of the input (it defaults to the latest timestamp of an export). Until then, the tally keeps the creation
 * times of the rows not contacted yet, counted per distinct millisecond; {@link #advanceAsOf(Instant)} declares a
 * lower bound for the final as-of and settles every such row already overdue by then, so that memory stays
 * proportional to the rows not contacted within the last SLA window. Call it with the final instant as soon as it is
 * known.
 * Memory is bounded in any case: like the times to respond (see {@link DurationTally}), creation times beyond a fixed
 * budget go to a temporary file, which {@link #close()} deletes.
 *
 * <p>Tallies with the same SLA merge. Not thread-safe.
 */
public final class LoopTally implements AutoCloseable {

    private final Duration sla;
    private final long slaMillis;
    private long needed;
    private long contactedWithinDeadline;
    private long overdueSettled;
    private final DurationTally timeToContact;
    /**
     * Creation times (epoch millis) of rows not contacted and not counted in {@link #overdueSettled}: those in memory
     * are not yet overdue at {@link #asOfLowerBound}; those in spilled runs may be.
     */
    private final BoundedCounts pending;
    private long asOfLowerBound = Long.MIN_VALUE;

    /** Creates an empty tally whose two multisets keep at most about {@code budgetBytes} each in memory. */
    LoopTally(Duration sla, long budgetBytes) {
        this.sla = sla;
        this.slaMillis = sla.toMillis();
        this.timeToContact = new DurationTally(budgetBytes);
        this.pending = new BoundedCounts(budgetBytes);
    }

    /**
     * Creates an empty tally.
     *
     * @param sla the time allowed for a first response, zero or more (millisecond resolution)
     * @return the tally
     * @throws IllegalArgumentException if the SLA is negative
     */
    public static LoopTally of(Duration sla) {
        Objects.requireNonNull(sla, "sla");
        if (sla.isNegative()) {
            throw new IllegalArgumentException("sla: " + sla + " is negative, expected zero or more");
        }
        return new LoopTally(sla, BoundedCounts.DEFAULT_BUDGET);
    }

    /**
     * The time allowed for a first response.
     *
     * @return the SLA
     */
    public Duration sla() {
        return sla;
    }

    /**
     * Adds a row that needed a response.
     *
     * @param created when the feedback arrived
     * @param contacted when the business first contacted the customer, or {@code null} if it has not
     * @throws IllegalArgumentException if {@code contacted} is before {@code created}
     * @throws ArithmeticException if an instant does not fit in a {@code long} of epoch milliseconds
     */
    public void add(Instant created, @Nullable Instant contacted) {
        long createdMillis = created.toEpochMilli();
        if (contacted == null) {
            addNotContacted(createdMillis);
        } else {
            addContacted(createdMillis, contacted.toEpochMilli());
        }
    }

    /**
     * Adds a row that needed a response and got none yet, by its creation time in epoch milliseconds; the same as
     * {@link #add(Instant, Instant) add(created, null)} without creating objects.
     *
     * @param createdEpochMilli when the feedback arrived, in milliseconds since 1970-01-01T00:00:00Z
     */
    public void addNotContacted(long createdEpochMilli) {
        needed++;
        if (asOfLowerBound != Long.MIN_VALUE && overdue(createdEpochMilli, asOfLowerBound)) {
            overdueSettled++;
        } else {
            pending.add(createdEpochMilli == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : createdEpochMilli);
        }
    }

    /**
     * Adds a row that needed a response and got one, by its times in epoch milliseconds; the same as
     * {@link #add(Instant, Instant)} without creating objects.
     *
     * @param createdEpochMilli when the feedback arrived, in milliseconds since 1970-01-01T00:00:00Z
     * @param contactedEpochMilli when the business first contacted the customer, in the same unit
     * @throws IllegalArgumentException if the response is before the creation
     */
    public void addContacted(long createdEpochMilli, long contactedEpochMilli) {
        long waited = contactedEpochMilli - createdEpochMilli;
        if (contactedEpochMilli < createdEpochMilli) {
            throw new IllegalArgumentException("responded: " + Instant.ofEpochMilli(contactedEpochMilli)
                    + " is before created " + Instant.ofEpochMilli(createdEpochMilli)
                    + ", expected a response at or after the feedback");
        }
        if (waited < 0) {
            throw new ArithmeticException("responded - created: " + contactedEpochMilli + " - " + createdEpochMilli
                    + " overflows a long of milliseconds");
        }
        needed++;
        timeToContact.addMillis(waited);
        if (waited <= slaMillis) {
            contactedWithinDeadline++;
        }
    }

    /**
     * Declares that the as-of instant of the eventual {@link #summary(Instant)} will not be before {@code lowerBound},
     * which lets the tally settle the rows not contacted that are overdue by then. Bounds only ever rise; a lower one
     * than before is ignored.
     *
     * @param lowerBound the earliest possible as-of instant
     */
    public void advanceAsOf(Instant lowerBound) {
        long bound = lowerBound.toEpochMilli();
        if (bound <= asOfLowerBound) {
            return;
        }
        asOfLowerBound = bound;
        // Overdue when created + sla < asOf, i.e. created < asOf − sla.
        overdueSettled += pending.removeBelowInMemory(saturatedSubtract(bound, slaMillis));
    }

    /**
     * Adds every row of another tally to this one; the other is unchanged. The as-of lower bound becomes the later of
     * the two.
     *
     * @param other a tally with the same SLA, not this one
     * @throws IllegalArgumentException if the SLAs differ or {@code other} is this tally
     */
    public void merge(LoopTally other) {
        if (other == this) {
            throw new IllegalArgumentException("other: the same tally, expected another tally to merge");
        }
        if (!other.sla.equals(sla)) {
            throw new IllegalArgumentException(
                    "other.sla: " + other.sla + " differs from " + sla + ", expected tallies with the same SLA");
        }
        needed += other.needed;
        contactedWithinDeadline += other.contactedWithinDeadline;
        overdueSettled += other.overdueSettled;
        timeToContact.merge(other.timeToContact);
        pending.addAll(other.pending);
        long bound = Math.max(asOfLowerBound, other.asOfLowerBound);
        asOfLowerBound = Long.MIN_VALUE;
        if (bound != Long.MIN_VALUE) {
            advanceAsOf(Instant.ofEpochMilli(bound));
        }
    }

    /**
     * The number of rows added.
     *
     * @return the needed count
     */
    public long needed() {
        return needed;
    }

    /**
     * Summarises the rows added so far as of an instant.
     *
     * @param asOf "now" for the overdue count
     * @return the summary
     * @throws IllegalArgumentException if {@code asOf} is before a bound given to {@link #advanceAsOf(Instant)}
     */
    public LoopSummary summary(Instant asOf) {
        long asOfMillis = asOf.toEpochMilli();
        if (asOfMillis < asOfLowerBound) {
            throw new IllegalArgumentException("asOf: " + asOf + " is before the declared lower bound "
                    + Instant.ofEpochMilli(asOfLowerBound) + ", expected it at or after the bound");
        }
        long overdue = overdueSettled;
        try (BoundedCounts.Cursor cursor = pending.cursor()) {
            while (cursor.next() && overdue(cursor.value(), asOfMillis)) {
                overdue += cursor.count();
            }
        }
        long contacted = timeToContact.n();
        return new LoopSummary(asOf, sla, needed, contacted, contactedWithinDeadline, needed - contacted, overdue,
                LoopSummary.rate(contacted, needed), LoopSummary.rate(contactedWithinDeadline, needed),
                contacted == 0 ? null : timeToContact.summary());
    }

    /**
     * Deletes the temporary files of this tally, if it has any, and empties it.
     */
    @Override
    public void close() {
        timeToContact.close();
        pending.close();
        needed = 0;
        contactedWithinDeadline = 0;
        overdueSettled = 0;
        asOfLowerBound = Long.MIN_VALUE;
    }

    private boolean overdue(long createdMillis, long asOfMillis) {
        return createdMillis < saturatedSubtract(asOfMillis, slaMillis);
    }

    private static long saturatedSubtract(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE + 1 : r;
    }
}
