package dev.feedbackloop.scoring.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a set of feedback that needed a response fared, as of an instant: whether it got one, within the SLA, and how
 * fast.
 *
 * <p>Definitions, over the {@code triggered} rows (those that needed a response):
 * <ul>
 *   <li>{@code responded}: rows with a response time; {@code unresponded} = {@code triggered − responded};</li>
 *   <li>{@code respondedWithinSla}: responded rows with {@code responded − created ≤ sla};</li>
 *   <li>{@code overdue}: unresponded rows with {@code created + sla < asOf};</li>
 *   <li>{@code responseRate} = 100·responded/triggered and {@code slaRate} = 100·respondedWithinSla/triggered, in
 *       percent, both 0 when nothing was triggered;</li>
 *   <li>{@code timeToRespond}: the distribution of {@code responded − created} over responded rows, {@code null}
 *       when no row was responded.</li>
 * </ul>
 *
 * <p>Valid when the counts are non-negative and consistent ({@code responded + unresponded = triggered},
 * {@code respondedWithinSla ≤ responded}, {@code overdue ≤ unresponded}), the rates match them, and
 * {@code timeToRespond} is present exactly when {@code responded > 0}, with {@code n = responded}. Immutable.
 *
 * @param asOf the instant "now" for the overdue count
 * @param sla the time allowed for a first response, positive or zero
 * @param triggered rows that needed a response
 * @param responded triggered rows that got one
 * @param respondedWithinSla responded rows that got it within the SLA
 * @param unresponded triggered rows without a response
 * @param overdue unresponded rows whose SLA ran out before {@code asOf}
 * @param responseRate 100·responded/triggered, or 0
 * @param slaRate 100·respondedWithinSla/triggered, or 0
 * @param timeToRespond the time from created to responded over responded rows; {@code null} when none
 */
public record LoopSummary(
        Instant asOf,
        Duration sla,
        long triggered,
        long responded,
        long respondedWithinSla,
        long unresponded,
        long overdue,
        double responseRate,
        double slaRate,
        @Nullable DurationSummary timeToRespond) {

    public LoopSummary {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sla, "sla");
        if (sla.isNegative()) {
            throw new IllegalArgumentException("sla: " + sla + " is negative, expected zero or more");
        }
        if (triggered < 0 || responded < 0 || respondedWithinSla < 0 || unresponded < 0 || overdue < 0
                || responded + unresponded != triggered || respondedWithinSla > responded
                || overdue > unresponded) {
            throw new IllegalArgumentException("counts: triggered " + triggered + ", responded " + responded
                    + ", respondedWithinSla " + respondedWithinSla + ", unresponded " + unresponded + ", overdue "
                    + overdue + " are inconsistent, expected responded + unresponded = triggered,"
                    + " respondedWithinSla <= responded and overdue <= unresponded");
        }
        if (Double.compare(responseRate, rate(responded, triggered)) != 0
                || Double.compare(slaRate, rate(respondedWithinSla, triggered)) != 0) {
            throw new IllegalArgumentException("rates: " + responseRate + ", " + slaRate
                    + " do not match the counts, expected " + rate(responded, triggered) + ", "
                    + rate(respondedWithinSla, triggered));
        }
        if ((timeToRespond == null) != (responded == 0)
                || (timeToRespond != null && timeToRespond.n() != responded)) {
            throw new IllegalArgumentException("timeToRespond: " + timeToRespond
                    + " does not match responded " + responded + ", expected a summary of exactly the responded rows");
        }
    }

    /**
     * A percentage as these summaries define it: {@code 100·part/whole}, or 0 when {@code whole} is 0.
     *
     * @param part the counted rows
     * @param whole all rows
     * @return the percentage
     */
    public static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : 100.0 * part / whole;
    }
}
