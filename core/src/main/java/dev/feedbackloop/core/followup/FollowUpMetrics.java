package dev.feedbackloop.core.followup;

import dev.feedbackloop.scoring.Period;
import dev.feedbackloop.scoring.loop.DurationSummary;
import dev.feedbackloop.scoring.loop.DurationTally;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * "Did we respond" metrics over a set of follow-ups at one instant. Immutable.
 *
 * <p>Every follow-up counts in {@link #needed()}, whether or not anyone acted on it, so the rates are coverage of
 * every response that needed an answer. Times are wall-clock, from opening; percentiles are by nearest rank.
 *
 * @param needed follow-ups opened (responses that needed a human answer, one per policy)
 * @param contacted follow-ups with a first contact
 * @param contactedWithinDeadline follow-ups first contacted no later than their first-contact deadline
 * @param resolved follow-ups in state {@code RESOLVED}
 * @param closed follow-ups in state {@code CLOSED}
 * @param open follow-ups not yet resolved or closed
 * @param overdue follow-ups whose first-contact deadline has passed without contact at the instant
 * @param timeToFirstContact the distribution of times to first contact, or {@code null} when nobody was contacted
 * @param timeToResolution the distribution of times to resolution, or {@code null} when nothing was resolved
 */
public record FollowUpMetrics(long needed, long contacted, long contactedWithinDeadline, long resolved, long closed,
                              long open, long overdue, @Nullable DurationSummary timeToFirstContact,
                              @Nullable DurationSummary timeToResolution) {

    /** The group key of follow-ups that lack the grouped attribute. */
    public static final String NONE = "(none)";

    public FollowUpMetrics {
        if (needed < 0 || contacted < 0 || contacted > needed || contactedWithinDeadline < 0
                || contactedWithinDeadline > contacted || resolved < 0 || closed < 0 || open < 0
                || resolved + closed + open != needed || overdue < 0 || overdue > open) {
            throw new IllegalArgumentException("inconsistent counts: needed " + needed + ", contacted " + contacted
                    + ", within deadline " + contactedWithinDeadline + ", resolved " + resolved + ", closed "
                    + closed + ", open " + open + ", overdue " + overdue);
        }
    }

    /**
     * Returns the share of follow-ups contacted, in percent.
     *
     * @return {@code 100 * contacted / needed}; 0 when nothing was needed
     */
    public double contactedPercent() {
        return needed == 0 ? 0 : 100.0 * contacted / needed;
    }

    /**
     * Returns the share of follow-ups contacted within the deadline, in percent of all that needed it.
     *
     * @return {@code 100 * contactedWithinDeadline / needed}; 0 when nothing was needed
     */
    public double withinDeadlinePercent() {
        return needed == 0 ? 0 : 100.0 * contactedWithinDeadline / needed;
    }

    /**
     * Starts an accumulator for metrics at an instant.
     *
     * @param asOf the instant that decides what is overdue
     * @return an empty tally
     */
    public static Tally tally(Instant asOf) {
        return new Tally(asOf);
    }

    /**
     * Groups follow-ups by owner.
     *
     * @return the key function
     */
    public static Function<FollowUp, String> byOwner() {
        return FollowUp::owner;
    }

    /**
     * Groups follow-ups by policy.
     *
     * @return the key function
     */
    public static Function<FollowUp, String> byPolicy() {
        return FollowUp::policyId;
    }

    /**
     * Groups follow-ups by priority.
     *
     * @return the key function
     */
    public static Function<FollowUp, String> byPriority() {
        return followUp -> followUp.priority().name();
    }

    /**
     * Groups follow-ups by a segment attribute; follow-ups without it fall in {@link #NONE}.
     *
     * @param attribute the attribute name
     * @return the key function
     */
    public static Function<FollowUp, String> bySegment(String attribute) {
        Objects.requireNonNull(attribute, "attribute");
        return followUp -> followUp.segment().getOrDefault(attribute, NONE);
    }

    /**
     * Groups follow-ups by the calendar period in which they were opened, labelled as in the scoring module
     * ({@code 2024-03}, {@code 2024-Q1}, ...).
     *
     * @param period the period
     * @param zone the time zone of the calendar
     * @return the key function
     */
    public static Function<FollowUp, String> byPeriod(Period period, ZoneId zone) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        return followUp -> period.label(period.bucket(followUp.openedAt(), zone));
    }

    /**
     * Accumulates {@link FollowUpMetrics}: add follow-ups, merge tallies, take the {@link #result()}, then
     * {@link #close()} it (best in try-with-resources): its duration tallies may keep a temporary file when they hold
     * very many distinct durations, and closing deletes it at once instead of when the tally is garbage-collected.
     * Not thread-safe.
     */
    public static final class Tally implements AutoCloseable {

        private final Instant asOf;
        private long needed;
        private long contacted;
        private long withinDeadline;
        private long resolved;
        private long closed;
        private long open;
        private long overdue;
        private final DurationTally toContact = new DurationTally();
        private final DurationTally toResolution = new DurationTally();

        private Tally(Instant asOf) {
            this.asOf = Objects.requireNonNull(asOf, "asOf");
        }

        /**
         * Adds one follow-up.
         *
         * @param followUp the follow-up
         */
        public void add(FollowUp followUp) {
            needed++;
            if (followUp.firstContact() != null) {
                contacted++;
                if (followUp.contactedWithinDeadline()) {
                    withinDeadline++;
                }
                addIfNotNegative(toContact, followUp.timeToFirstContact());
            }
            switch (followUp.state()) {
                case RESOLVED -> resolved++;
                case CLOSED -> closed++;
                case OPEN, CONTACTED -> open++;
            }
            if (followUp.isOverdue(DeadlineKind.FIRST_CONTACT, asOf)) {
                overdue++;
            }
            addIfNotNegative(toResolution, followUp.timeToResolution());
        }

        private static void addIfNotNegative(DurationTally tally, @Nullable Duration duration) {
            if (duration != null && !duration.isNegative()) {
                tally.add(duration);
            }
        }

        /**
         * Adds everything another tally holds.
         *
         * @param other a tally, ideally at the same instant
         */
        public void merge(Tally other) {
            needed += other.needed;
            contacted += other.contacted;
            withinDeadline += other.withinDeadline;
            resolved += other.resolved;
            closed += other.closed;
            open += other.open;
            overdue += other.overdue;
            toContact.merge(other.toContact);
            toResolution.merge(other.toResolution);
        }

        /**
         * Returns the metrics of everything added.
         *
         * @return the metrics
         */
        public FollowUpMetrics result() {
            return new FollowUpMetrics(needed, contacted, withinDeadline, resolved, closed, open, overdue,
                    toContact.n() == 0 ? null : toContact.summary(),
                    toResolution.n() == 0 ? null : toResolution.summary());
        }

        /**
         * Deletes the temporary file of its duration tallies, if they wrote one, and forgets their durations: take the
         * {@link #result()} first. Closing twice is harmless.
         */
        @Override
        public void close() {
            try {
                toContact.close();
            } finally {
                toResolution.close();
            }
        }
    }
}
