package dev.feedbackloop.scoring.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a set of feedback that needed a response fared, as of an instant: whether someone contacted the customer,
 * within the deadline (the SLA), and how fast. The words are the library's ("did we respond?" is answered by
 * needed, contacted, contacted within the deadline); the command line's {@code loop} output names the same figures
 * {@code triggered}, {@code responded}, {@code respondedWithinSla}, {@code unresponded}, {@code responseRate} and
 * {@code slaRate}.
 *
 * <p>Definitions, over the {@code needed} rows (those that needed a response):
 * <ul>
 *   <li>{@code contacted}: rows with a first-response time; {@code notContacted} = {@code needed − contacted};</li>
 *   <li>{@code contactedWithinDeadline}: contacted rows with {@code responded − created ≤ sla};</li>
 *   <li>{@code overdue}: rows not contacted with {@code created + sla < asOf};</li>
 *   <li>{@code contactedPercent} = 100·contacted/needed and {@code withinDeadlinePercent} =
 *       100·contactedWithinDeadline/needed, in percent, both 0 when nothing was needed;</li>
 *   <li>{@code timeToContact}: the distribution of {@code responded − created} over contacted rows, {@code null}
 *       when no row was contacted.</li>
 * </ul>
 *
 * <p>Valid when the counts are non-negative and consistent ({@code contacted + notContacted = needed},
 * {@code contactedWithinDeadline ≤ contacted}, {@code overdue ≤ notContacted}), the rates match them, and
 * {@code timeToContact} is present exactly when {@code contacted > 0}, with {@code n = contacted}. Immutable.
 *
 * @param asOf the instant "now" for the overdue count
 * @param sla the time allowed for a first response, positive or zero
 * @param needed rows that needed a response
 * @param contacted needed rows whose customer was contacted
 * @param contactedWithinDeadline contacted rows contacted within the SLA
 * @param notContacted needed rows whose customer was not contacted
 * @param overdue rows not contacted whose SLA ran out before {@code asOf}
 * @param contactedPercent 100·contacted/needed, or 0
 * @param withinDeadlinePercent 100·contactedWithinDeadline/needed, or 0
 * @param timeToContact the time from created to the first response over contacted rows; {@code null} when none
 */
public record LoopSummary(
        Instant asOf,
        Duration sla,
        long needed,
        long contacted,
        long contactedWithinDeadline,
        long notContacted,
        long overdue,
        double contactedPercent,
        double withinDeadlinePercent,
        @Nullable DurationSummary timeToContact) {

    public LoopSummary {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(sla, "sla");
        if (sla.isNegative()) {
            throw new IllegalArgumentException("sla: " + sla + " is negative, expected zero or more");
        }
        if (needed < 0 || contacted < 0 || contactedWithinDeadline < 0 || notContacted < 0 || overdue < 0
                || contacted + notContacted != needed || contactedWithinDeadline > contacted
                || overdue > notContacted) {
            throw new IllegalArgumentException("counts: triggered " + needed + ", responded " + contacted
                    + ", respondedWithinSla " + contactedWithinDeadline + ", unresponded " + notContacted + ", overdue "
                    + overdue + " are inconsistent, expected responded + unresponded = triggered,"
                    + " respondedWithinSla <= responded and overdue <= unresponded");
        }
        if (Double.compare(contactedPercent, rate(contacted, needed)) != 0
                || Double.compare(withinDeadlinePercent, rate(contactedWithinDeadline, needed)) != 0) {
            throw new IllegalArgumentException("rates: " + contactedPercent + ", " + withinDeadlinePercent
                    + " do not match the counts, expected " + rate(contacted, needed) + ", "
                    + rate(contactedWithinDeadline, needed));
        }
        if ((timeToContact == null) != (contacted == 0)
                || (timeToContact != null && timeToContact.n() != contacted)) {
            throw new IllegalArgumentException("timeToRespond: " + timeToContact
                    + " does not match responded " + contacted + ", expected a summary of exactly the responded rows");
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
