package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A rating on an integer scale: CSAT, CES or a generic rating. Immutable.
 *
 * <p>Which end of the scale is good is part of the question, and for CES it depends on the wording, so the
 * factories say it in their names: {@link #cesAgreement} for agreement with "the company made it easy" (higher is
 * better) and {@link #cesEffort} for "how much effort did you have to put in" (lower is better). Scoring counts
 * the box at the good end, so a question made with the wrong one would score the wrong box. {@link #csat} is
 * always higher-is-better. All three are required; {@link #builder(String, String)} makes a question optional,
 * sets another scale (labels, a 0-based scale), or adds help or a display condition.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 * @param kind what the rating measures
 * @param scale the answer scale
 * @param polarity which end of the scale is good
 */
public record RatingQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                             @Nullable Condition condition, RatingKind kind, Scale scale, Polarity polarity)
        implements Question {

    public RatingQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(polarity, "polarity");
    }

    /**
     * Returns a required CSAT question on 1..{@code points}, higher is better (1 = very dissatisfied).
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language, for example "How satisfied are you with ...?"
     * @param points the number of points, 2..11
     * @return the question
     * @throws IllegalArgumentException if the id is invalid, the prompt blank or the number of points out of range
     */
    public static RatingQuestion csat(String id, String prompt, int points) {
        return builder(id, prompt).csat(Scale.of(1, points)).build();
    }

    /**
     * Returns a required CES question asked as agreement on 1..{@code points}, higher is better: "The company made
     * it easy for me to handle my issue", 1 = strongly disagree.
     *
     * @param id the question id
     * @param prompt the statement the respondent agrees or disagrees with
     * @param points the number of points, 2..11
     * @return the question
     * @throws IllegalArgumentException if the id is invalid, the prompt blank or the number of points out of range
     */
    public static RatingQuestion cesAgreement(String id, String prompt, int points) {
        return builder(id, prompt).cesAgreement(Scale.of(1, points)).build();
    }

    /**
     * Returns a required CES question asked as effort on 1..{@code points}, lower is better: "How much effort did
     * you personally have to put forth to handle your request?", 1 = very low effort.
     *
     * @param id the question id
     * @param prompt the question about effort
     * @param points the number of points, 2..11
     * @return the question
     * @throws IllegalArgumentException if the id is invalid, the prompt blank or the number of points out of range
     */
    public static RatingQuestion cesEffort(String id, String prompt, int points) {
        return builder(id, prompt).cesEffort(Scale.of(1, points)).build();
    }

    /**
     * Starts a required rating question; choose what it measures with one of {@link Builder#csat},
     * {@link Builder#cesAgreement}, {@link Builder#cesEffort} or {@link Builder#generic} before building.
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language; not blank
     * @return a builder
     * @throws IllegalArgumentException if the id is not a valid question id or the prompt is blank
     */
    public static Builder builder(String id, String prompt) {
        return new Builder(id, Questions.text(prompt, "prompt"));
    }

    /**
     * Starts a required rating question whose prompt has translations; choose what it measures before building.
     *
     * @param id the question id
     * @param prompt the prompt
     * @return a builder
     * @throws IllegalArgumentException if the id is not a valid question id
     */
    public static Builder builder(String id, LocalizedText prompt) {
        return new Builder(id, prompt);
    }

    @Override
    public String type() {
        return "rating";
    }

    /** Builds a {@link RatingQuestion}; not thread-safe. What it measures must be chosen, there is no default. */
    public static final class Builder extends Question.Builder<RatingQuestion, Builder> {

        private @Nullable RatingKind kind;
        private @Nullable Scale scale;
        private @Nullable Polarity polarity;

        private Builder(String id, LocalizedText prompt) {
            super(id, prompt);
        }

        private Builder measure(RatingKind measured, Scale on, Polarity good) {
            this.kind = measured;
            this.scale = Objects.requireNonNull(on, "scale");
            this.polarity = good;
            return this;
        }

        /**
         * Makes it a CSAT question, higher is better; its top two points count as satisfied when scored.
         *
         * @param scale the scale; a survey takes a CSAT scale of 3 points or more
         * @return this builder
         */
        public Builder csat(Scale scale) {
            return measure(RatingKind.CSAT, scale, Polarity.HIGHER_IS_BETTER);
        }

        /**
         * Makes it a CES question asked as agreement with a statement such as "The company made it easy for me to
         * handle my issue": higher is better, and the top three points count as agreeing when scored.
         *
         * @param scale the scale, 1 = strongly disagree; a survey takes a CES scale of 4 points or more
         * @return this builder
         */
        public Builder cesAgreement(Scale scale) {
            return measure(RatingKind.CES, scale, Polarity.HIGHER_IS_BETTER);
        }

        /**
         * Makes it a CES question asked about effort, such as "How much effort did you personally have to put
         * forth?": lower is better, and the bottom three points count as easy when scored.
         *
         * @param scale the scale, 1 = very low effort; a survey takes a CES scale of 4 points or more
         * @return this builder
         */
        public Builder cesEffort(Scale scale) {
            return measure(RatingKind.CES, scale, Polarity.LOWER_IS_BETTER);
        }

        /**
         * Makes it a generic rating, scored by its mean and distribution only.
         *
         * @param scale the scale
         * @param polarity which end of the scale is good
         * @return this builder
         */
        public Builder generic(Scale scale, Polarity polarity) {
            return measure(RatingKind.GENERIC, scale, Objects.requireNonNull(polarity, "polarity"));
        }

        /**
         * {@inheritDoc}
         *
         * @throws IllegalStateException if none of {@link #csat}, {@link #cesAgreement}, {@link #cesEffort} and
         *     {@link #generic} was called
         */
        @Override
        public RatingQuestion build() {
            if (kind == null || scale == null || polarity == null) {
                throw new IllegalStateException(describe("rating") + ": what it measures is not set; expected"
                        + " csat, cesAgreement, cesEffort or generic");
            }
            return new RatingQuestion(id, prompt, required, helpText, condition, kind, scale, polarity);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
