package dev.feedbackloop.survey.version;

/**
 * How much a difference between two versions of a survey matters for comparing and pooling their results.
 * Immutable.
 */
public enum Impact {
    /** Wording, help text, translations, title, labels, order, added questions: results pool as they are. */
    SAFE,
    /**
     * A change to what is measured or who is asked: scale, options, selection rules, kind, polarity, condition, a
     * removed question. Results of the affected question should not be pooled across the versions.
     */
    SCORING_RELEVANT,
    /** The versions are not the same survey: another survey id, or a question id reused for another type. */
    BREAKING;

    /**
     * Returns whether results of two versions differing by this much may be pooled.
     *
     * @return {@code true} only for {@link #SAFE}
     */
    public boolean poolable() {
        return switch (this) {
            case SAFE -> true;
            case SCORING_RELEVANT, BREAKING -> false;
        };
    }
}
