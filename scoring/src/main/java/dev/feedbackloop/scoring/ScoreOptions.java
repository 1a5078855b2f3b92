package dev.feedbackloop.scoring;

import java.util.Objects;

/**
 * How a tally turns into a score: confidence level, NPS interval method and small-sample threshold. Immutable.
 *
 * @param confidence the confidence level of every interval, strictly between 0 and 1 (default 0.95)
 * @param npsInterval the NPS interval method (default {@link NpsInterval#WALD})
 * @param smallSampleThreshold a score over fewer answers than this is flagged as a small sample; at least 0
 *     (default 30)
 */
public record ScoreOptions(double confidence, NpsInterval npsInterval, int smallSampleThreshold) {

    /** The default small-sample threshold: a score over fewer than 30 answers is flagged. */
    public static final int DEFAULT_SMALL_SAMPLE_THRESHOLD = 30;

    private static final ScoreOptions DEFAULTS =
            new ScoreOptions(Confidence.DEFAULT, NpsInterval.WALD, DEFAULT_SMALL_SAMPLE_THRESHOLD);

    public ScoreOptions {
        Confidence.check(confidence);
        Objects.requireNonNull(npsInterval, "npsInterval");
        if (smallSampleThreshold < 0) {
            throw new IllegalArgumentException("smallSampleThreshold: " + smallSampleThreshold + " is negative");
        }
    }

    /**
     * Returns the defaults: 95%, Wald, small below 30.
     *
     * @return the default options
     */
    public static ScoreOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns these options with another confidence level.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the new options
     * @throws IllegalArgumentException if the level is out of range
     */
    public ScoreOptions withConfidence(double level) {
        return new ScoreOptions(level, npsInterval, smallSampleThreshold);
    }

    /**
     * Returns these options with another NPS interval method.
     *
     * @param method the method
     * @return the new options
     */
    public ScoreOptions withNpsInterval(NpsInterval method) {
        return new ScoreOptions(confidence, method, smallSampleThreshold);
    }

    /**
     * Returns these options with another small-sample threshold.
     *
     * @param threshold scores over fewer answers are flagged; at least 0
     * @return the new options
     * @throws IllegalArgumentException if the threshold is negative
     */
    public ScoreOptions withSmallSampleThreshold(int threshold) {
        return new ScoreOptions(confidence, npsInterval, threshold);
    }

    /** Returns the two-sided critical value for {@link #confidence()}. */
    double z() {
        return Normal.z(confidence);
    }

    boolean isSmall(long n) {
        return n < smallSampleThreshold;
    }
}
