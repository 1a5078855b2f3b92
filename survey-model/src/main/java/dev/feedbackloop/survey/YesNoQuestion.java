package dev.feedbackloop.survey;

import dev.feedbackloop.survey.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A yes/no question, such as "Was your issue resolved?". Immutable.
 *
 * <p>{@link #of(String, String)} is a required question; {@link #builder(String, String)} makes it optional or adds
 * help or a display condition.
 *
 * @param id the question id
 * @param prompt the prompt
 * @param required whether a visible question must be answered
 * @param helpText optional help, or {@code null}
 * @param condition optional display condition, or {@code null}
 */
public record YesNoQuestion(String id, LocalizedText prompt, boolean required, @Nullable LocalizedText helpText,
                            @Nullable Condition condition) implements Question {

    public YesNoQuestion {
        Questions.requireId(id);
        Objects.requireNonNull(prompt, "prompt");
    }

    /**
     * Returns a required yes/no question.
     *
     * @param id the question id
     * @param prompt the prompt in the survey's default language; not blank
     * @return the question
     * @throws IllegalArgumentException if the id is not a valid question id or the prompt is blank
     */
    public static YesNoQuestion of(String id, String prompt) {
        return builder(id, prompt).build();
    }

    /**
     * Starts a required yes/no question.
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
     * Starts a required yes/no question whose prompt has translations.
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
        return "yesNo";
    }

    /** Builds a {@link YesNoQuestion}; not thread-safe. */
    public static final class Builder extends Question.Builder<YesNoQuestion, Builder> {

        private Builder(String id, LocalizedText prompt) {
            super(id, prompt);
        }

        @Override
        public YesNoQuestion build() {
            return new YesNoQuestion(id, prompt, required, helpText, condition);
        }

        @Override
        Builder self() {
            return this;
        }
    }
}
