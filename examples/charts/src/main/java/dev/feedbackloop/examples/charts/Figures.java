package dev.feedbackloop.examples.charts;

import dev.feedbackloop.scoring.CesScore;
import dev.feedbackloop.scoring.CsatScore;
import dev.feedbackloop.scoring.NpsScore;
import dev.feedbackloop.scoring.RatingScore;
import dev.feedbackloop.scoring.Score;
import java.util.Locale;

/**
 * How the reports write numbers: one decimal, a sign for NPS points, intervals in brackets.
 *
 * <p>Stateless and thread-safe.
 */
public final class Figures {

    private Figures() {
    }

    /**
     * A signed value with one decimal, such as {@code +12.5}.
     *
     * @param value the value
     * @return the text
     */
    public static String signed(double value) {
        return String.format(Locale.ROOT, "%+.1f", value);
    }

    /**
     * A value with one decimal, such as {@code 80.0}.
     *
     * @param value the value
     * @return the text
     */
    public static String fixed(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * An interval in brackets, signed for NPS points.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param points whether the bounds are NPS points
     * @return the text, such as {@code [-4.2, +18.0]}
     */
    public static String interval(double lower, double upper, boolean points) {
        return points ? "[" + signed(lower) + ", " + signed(upper) + "]"
                : "[" + fixed(lower) + ", " + fixed(upper) + "]";
    }

    /**
     * A count's share of a total, as a percentage with one decimal; {@code 0.0%} of nothing.
     *
     * @param count the count
     * @param of the total
     * @return the text, such as {@code 12.5%}
     */
    public static String share(long count, long of) {
        return fixed(percent(count, of)) + "%";
    }

    /**
     * A count's share of a total, in percent; 0 of nothing.
     *
     * @param count the count
     * @param of the total
     * @return the percentage
     */
    public static double percent(long count, long of) {
        return of == 0 ? 0 : 100.0 * count / of;
    }

    /**
     * The headline number of a score and its 95% interval: NPS points, CSAT percent satisfied, CES percent easy, or
     * a generic rating's mean.
     *
     * @param score the score
     * @return the value, the interval's lower bound and its upper bound
     */
    public static double[] headline(Score score) {
        if (score instanceof NpsScore nps) {
            return new double[] {nps.score(), nps.ci().lower(), nps.ci().upper()};
        } else if (score instanceof CsatScore csat) {
            return new double[] {csat.score(), csat.ci().lower(), csat.ci().upper()};
        } else if (score instanceof CesScore ces) {
            return new double[] {ces.score(), ces.shareCi().lower(), ces.shareCi().upper()};
        } else if (score instanceof RatingScore rating) {
            return new double[] {rating.mean(), rating.ci().lower(), rating.ci().upper()};
        }
        throw new AssertionError("unknown score type " + score.getClass().getName());
    }
}
