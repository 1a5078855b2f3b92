package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The Net Promoter question: likelihood to recommend on the fixed 0–10 scale. Immutable.
 *
 * <p>{@link #standard(String)} is the usual required question with the standard wording; {@link #builder(String)}
 * changes the wording, makes it optional, or adds help or a display condition.
 *
 * @param id the question id
 * @param prompt the prompt; {@link #STANDARD_PROMPT} is the standard wording
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 */
public record NpsQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                          @Nullable Condition condition) implements Question {

    /** The lowest answer, 0. */
    public static final int MIN = 0;
    /** The highest answer, 10. */
    public static final int MAX = 10;
    /** The standard wording of the question. */
    public static final String STANDARD_PROMPT =
            "How likely is it that you would recommend us to a friend or colleague?";

    public NpsQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * Returns a required NPS question with the standard wording.
     *
     * @param id the question id
     * @return the question
     * @throws IllegalArgumentException if the id is not a valid question id
     */
    public static NpsQuestion standard(String id) {
        return builder(id).build();
    }

    /**
     * Starts a required NPS question with the standard wording.
     *
     * @param id the question id: a letter or digit, then up to 63 letters, digits, {@code _}, {@code .} or
     *     {@code -}
     * @return a builder
     * @throws IllegalArgumentException if the id is not a valid question id
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    @Override
    public String type() {
        return "nps";
    }

    /** Builds an {@link NpsQuestion}; not thread-safe. */
    public static final class Builder extends Question.Builder<NpsQuestion, Builder> {

        private Builder(String id) {
            super(id, LocalizedText.of(STANDARD_PROMPT));
        }

        /**
         * Replaces the standard wording.
         *
         * @param prompt the prompt in the survey's default language; not blank
         * @return this builder
         * @throws IllegalArgumentException if the prompt is blank
         */
        public Builder prompt(String prompt) {
            return prompt(Questions.text(prompt, "prompt"));
        }

        /**
         * Replaces the standard wording with a prompt and its translations.
         *
         * @param prompt the prompt
         * @return this builder
         */
        public Builder prompt(LocalizedText prompt) {
            this.prompt = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        @Override
        public NpsQuestion build() {
            return new NpsQuestion(id, prompt, required, helpText, condition);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
