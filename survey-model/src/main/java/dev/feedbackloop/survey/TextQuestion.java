package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A free-text question. Immutable.
 *
 * <p>{@link #of(String, String)} is a required question and {@link #optional(String, String)} an optional one, both
 * of at most {@value #DEFAULT_MAX_LENGTH} code points; {@link #builder(String, String)} sets a length or adds help
 * or a display condition.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 * @param maxLength the longest answer accepted, in Unicode code points, 1..{@link #LIMIT}
 */
public record TextQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                           @Nullable Condition condition, int maxLength) implements Question {

    /** The largest {@code maxLength} a question may declare. */
    public static final int LIMIT = 100_000;
    /** The {@code maxLength} of a question unless set otherwise, and the limit of "other" text of a choice. */
    public static final int DEFAULT_MAX_LENGTH = 2_000;

    public TextQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
        checkMaxLength(maxLength);
    }

    private static int checkMaxLength(int maxLength) {
        if (maxLength < 1 || maxLength > LIMIT) {
            throw new IllegalArgumentException("maxLength: " + maxLength + " is outside 1.." + LIMIT);
        }
        return maxLength;
    }

    /**
     * Returns a required, unconditional text question of at most {@value #DEFAULT_MAX_LENGTH} code points.
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language; not blank
     * @return the question
     * @throws IllegalArgumentException if the id is not a valid question id or the prompt is blank
     */
    public static TextQuestion of(String id, String prompt) {
        return builder(id, prompt).build();
    }

    /**
     * Returns an optional, unconditional text question of at most {@value #DEFAULT_MAX_LENGTH} code points.
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language; not blank
     * @return the question
     * @throws IllegalArgumentException if the id is not a valid question id or the prompt is blank
     */
    public static TextQuestion optional(String id, String prompt) {
        return builder(id, prompt).optional().build();
    }

    /**
     * Starts a required text question of at most {@value #DEFAULT_MAX_LENGTH} code points.
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
     * Starts a required text question, whose prompt has translations, of at most {@value #DEFAULT_MAX_LENGTH} code
     * points.
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
        return "text";
    }

    /** Builds a {@link TextQuestion}; not thread-safe. */
    public static final class Builder extends Question.Builder<TextQuestion, Builder> {

        private int maxLength = DEFAULT_MAX_LENGTH;

        private Builder(String id, LocalizedText prompt) {
            super(id, prompt);
        }

        /**
         * Sets the longest answer accepted; default {@value TextQuestion#DEFAULT_MAX_LENGTH}.
         *
         * @param codePoints the limit in Unicode code points, 1..{@value TextQuestion#LIMIT}
         * @return this builder
         * @throws IllegalArgumentException if the limit is out of range
         */
        public Builder maxLength(int codePoints) {
            this.maxLength = checkMaxLength(codePoints);
            return this;
        }

        @Override
        public TextQuestion build() {
            return new TextQuestion(id, prompt, required, helpText, condition, maxLength);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
