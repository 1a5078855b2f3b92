package dev.feedbackloop.scoring;

/** Validation of confidence levels. */
final class Confidence {

    /** The default confidence level, 95%. */
    static final double DEFAULT = 0.95;

    private Confidence() {
    }

    static double check(double confidence) {
        if (!(confidence > 0.0 && confidence < 1.0)) {
            throw new IllegalArgumentException("confidence: " + confidence + " is outside (0, 1), e.g. 0.95");
        }
        return confidence;
    }
}
